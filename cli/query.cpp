// The read-side commands: entities, relations, stats, show, neighbors, path,
// conflicts, documents, check, repair, forget, export.
//
// Queries open the database read-only, so they work while an ingest runs.
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "entity_lookup.h"
#include "kgraph/export.h"
#include "kgraph/extract.h"
#include "kgraph/local_queries.h"
#include "kgraph/store.h"
#include "streamed_export.h"
#include "table.h"

namespace kgraph::cli {

Result<std::unique_ptr<Store>> OpenForReading(const std::filesystem::path& db, std::size_t memory_budget,
                                              StoreReads reads) {
    StoreOptions options;
    options.read_only = true;
    options.memory_budget = memory_budget;
    options.reads = reads;
    return Store::Open(db, options);
}

namespace {

using nlohmann::ordered_json;

// What `neighbors` and `path` read (a name, the entities and their
// relations, no evidence); `show` reads the evidence too. The name index
// only for a name not found (ResolveEntity), in a second open (NameIndex).
constexpr StoreReads kEntityReads = StoreReads::kNames | StoreReads::kEntities | StoreReads::kRelations;

// A point query's store, left open when the command returns. The process
// ends right after (main.cpp, EndProcess), and closing a read-only RocksDB
// instance writes nothing: it frees its column families, table readers and
// cached blocks one by one, 0.39 M instructions of a `show`'s 6.4 M
// (docs/benchmarks.md, "Start-up of a position-dependent kgraph"). The
// guard is declared after the store and before the snapshot, so the
// snapshot is released first, with the store still open. A sanitizer
// build's exit destroys what is kept here, so its leak check sees the
// store closed.
class LeftOpenUntilExit {
public:
    explicit LeftOpenUntilExit(std::unique_ptr<Store>& store) : store_(store) {}
    LeftOpenUntilExit(const LeftOpenUntilExit&) = delete;
    LeftOpenUntilExit& operator=(const LeftOpenUntilExit&) = delete;
    ~LeftOpenUntilExit() {
        static std::vector<std::unique_ptr<Store>> kept;
        kept.push_back(std::move(store_));
    }

private:
    std::unique_ptr<Store>& store_;
};

NameIndexOpener NameIndex(const std::filesystem::path& db, const QueryOptions& options) {
    return [&db, &options] {
        return OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kPoint),
                              StoreReads::kNames | StoreReads::kNameIndex | StoreReads::kEntities);
    };
}

Result<GraphModel> LoadGraph(const std::filesystem::path& db, std::size_t memory_budget) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, memory_budget);
    if (!store.ok()) return store.status();
    return (*store)->ReadGraph();
}

// "$14.3B", "49%", "2025-06", "ended", "planned" — what a table shows of a relation.
std::string Attributes(const Relation& relation) {
    std::vector<std::string> parts;
    if (auto amount = RelationAmount(relation)) parts.push_back(FormatMoney(*amount));
    if (auto percent = RelationPercent(relation)) parts.push_back(FormatPercent(*percent));
    if (auto date = RelationDate(relation)) parts.push_back(*date);
    if (relation.ended) parts.push_back("ended");
    return Join(parts, ", ");
}

std::string Confidence(const Relation& relation) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", RelationConfidence(relation));
    return text;
}

// The one shape of an entity in every --json output (docs/cli.md).
ordered_json EntityJson(const Entity& entity) {
    return {{"name", entity.name}, {"type", std::string(EntityTypeName(entity.type))}, {"aliases", entity.aliases}};
}

// An end of a relation of `graph`. The answers of neighbors and path list
// every entity their relations name, so the null type is for a damaged store.
ordered_json EntityJson(const GraphModel& graph, const std::string& name) {
    if (const Entity* entity = graph.FindEntity(name)) return EntityJson(*entity);
    return {{"name", name}, {"type", nullptr}, {"aliases", ordered_json::array()}};
}

// A relation crossed by neighbors or path: its ends and type (their answers
// carry no evidence; `show` and `relations` give it).
ordered_json CrossedRelationJson(const GraphModel& graph, const Relation& relation) {
    return {{"subject", EntityJson(graph, relation.subject)},
            {"predicate", relation.predicate},
            {"object", EntityJson(graph, relation.object)}};
}

// One relation as the relations JSON prints it (export owns that format).
ordered_json RelationJson(const GraphModel& graph, const Relation& relation) {
    GraphModel single;
    single.relations = {relation};
    for (const std::string& name : {relation.subject, relation.object}) {
        if (const Entity* entity = graph.FindEntity(name)) single.entities.push_back(*entity);
    }
    return ordered_json::parse(ToRelationsJson(single)).at(0);
}

// A relation's ends as GraphModel lists entities: sorted by name, once each.
std::vector<Entity> EntitiesByName(const Entity& subject, const Entity& object) {
    if (subject.name == object.name) return {subject};
    return subject.name < object.name ? std::vector<Entity>{subject, object} : std::vector<Entity>{object, subject};
}

void AddRelationRow(Table& table, const Relation& relation) {
    table.AddRow({relation.subject, relation.predicate, relation.object, Attributes(relation), Confidence(relation),
                  std::to_string(relation.evidence.size())});
}

// Prints a JSON array an element at a time, byte for byte as dump(2) prints
// the whole array, so that a listing never holds all of its elements.
class JsonArrayStream {
public:
    explicit JsonArrayStream(std::ostream& out) : out_(out) {}
    // `array` is a one-element array as dump(2) prints it: "[\n" element "\n]".
    void AddFromArray(std::string_view array) {
        out_ << (count_++ == 0 ? "[\n" : ",\n") << array.substr(2, array.size() - 4);
    }
    void Add(const ordered_json& item) {
        ordered_json array = ordered_json::array();
        array.push_back(item);
        AddFromArray(array.dump(2));
    }
    void Close() { out_ << (count_ == 0 ? "[]" : "\n]") << "\n"; }

private:
    std::ostream& out_;
    std::size_t count_ = 0;
};

std::string ClaimText(const Evidence& evidence) {
    std::vector<std::string> parts;
    if (evidence.amount) parts.push_back(FormatMoney(*evidence.amount));
    if (evidence.percent) parts.push_back(FormatPercent(*evidence.percent));
    if (evidence.date) parts.push_back(*evidence.date);
    if (!evidence.modality.empty()) parts.push_back(evidence.modality);
    return parts.empty() ? "" : " {" + Join(parts, ", ") + "}";
}

void PrintEvidence(const Relation& relation) {
    for (const Evidence& evidence : relation.evidence) {
        std::cout << "      " << evidence.source << " [" << evidence.start << "-" << evidence.end << "] ("
                  << evidence.rule << ")" << ClaimText(evidence) << "\n        \"" << evidence.sentence << "\"\n";
    }
}

Status EnsureParentFolder(const std::filesystem::path& path) {
    if (!path.has_parent_path()) return Status::Ok();
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) return Status::IOError("cannot create folder " + path.parent_path().string() + ": " + error.message());
    return Status::Ok();
}

Status WriteFile(const std::filesystem::path& path, const std::string& content) {
    if (Status folder = EnsureParentFolder(path); !folder.ok()) return folder;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) return Status::IOError("cannot write " + path.string());
    return Status::Ok();
}

// "-" is stdout, as for most Unix tools; anything else a file.
Status WriteOutput(const std::filesystem::path& output, const std::string& content) {
    if (output != "-") return WriteFile(output, content);
    std::cout << content << std::flush;
    if (!std::cout) return Status::IOError("cannot write to standard output");
    return Status::Ok();
}

// What `write` writes, to `output` as WriteOutput writes a string; the
// output is written while it is made, never held whole.
Status StreamOutput(const std::filesystem::path& output, const std::function<Status(std::ostream&)>& write) {
    if (output == "-") {
        Status written = write(std::cout);
        std::cout << std::flush;
        if (written.ok() && !std::cout) return Status::IOError("cannot write to standard output");
        return written;
    }
    if (Status folder = EnsureParentFolder(output); !folder.ok()) return folder;
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    Status written = write(out);
    out.close();
    if (written.ok() && !out) return Status::IOError("cannot write " + output.string());
    return written;
}

// neo4j-admin imports nodes and relationships from separate files.
Status WriteCsv(const std::filesystem::path& folder, const GraphModel& graph) {
    if (folder == "-") {
        return Status::InvalidArgument("csv is two files, nodes.csv and relationships.csv: give -o a folder");
    }
    if (Status nodes = WriteFile(folder / "nodes.csv", ToCsvNodes(graph)); !nodes.ok()) return nodes;
    return WriteFile(folder / "relationships.csv", ToCsvRelationships(graph));
}

// No option selects a part: the data formats export the graph as it is.
bool WholeGraph(const ExportOptions& options) {
    const SubgraphOptions& subgraph = options.subgraph;
    return !options.entity && subgraph.predicates.empty() && subgraph.min_degree == 0 && subgraph.top == 0;
}

// The graph, or the part of it the options select. A name given with
// --entity is looked up as `show` looks it up.
Result<GraphModel> SelectPart(const Store& store, const ExportOptions& options) {
    Result<GraphModel> graph = store.ReadGraph();
    if (!graph.ok()) return graph.status();
    SubgraphOptions subgraph = options.subgraph;
    if (options.entity) {
        Result<std::unique_ptr<GraphSnapshot>> snapshot = store.Snapshot();
        if (!snapshot.ok()) return snapshot.status();
        Result<EntityKey> key = ResolveEntity(**snapshot, *options.entity);
        if (!key.ok()) return key.status();
        Result<Entity> center = (*snapshot)->Read(*key);
        if (!center.ok()) return center.status();
        subgraph.center = center->name;
    }
    const bool picture = options.format == ExportFormat::kDot || options.format == ExportFormat::kSvg;
    subgraph.isolated = subgraph.isolated || !picture;
    return SelectSubgraph(*graph, subgraph);
}

// What each stored document says of itself, for the JSON-LD document nodes.
Result<std::map<std::string, DocumentMetadata>> DocumentMetadataById(const Store& store) {
    Result<std::vector<DocumentInfo>> documents = store.Documents();
    if (!documents.ok()) return documents.status();
    std::map<std::string, DocumentMetadata> metadata;
    for (DocumentInfo& document : *documents) {
        if (!document.metadata.empty()) metadata.emplace(document.id, std::move(document.metadata));
    }
    return metadata;
}

}  // namespace

Status RunEntities(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    if (options.json) {
        JsonArrayStream items(std::cout);
        Status listed = ForEachEntityByName(**snapshot, [&](const Entity& entity, std::size_t degree) {
            ordered_json item = EntityJson(entity);
            item["degree"] = degree;
            items.Add(item);
            return Status::Ok();
        });
        if (!listed.ok()) return listed;
        items.Close();
        return Status::Ok();
    }
    Table table({"NAME", "TYPE", "ALIASES", "DEGREE"});
    Status listed = ForEachEntityByName(**snapshot, [&](const Entity& entity, std::size_t degree) {
        table.AddRow({entity.name, std::string(EntityTypeName(entity.type)), Join(entity.aliases, ", "),
                      std::to_string(degree)});
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    table.Print(std::cout);
    return Status::Ok();
}

Status RunRelations(const std::filesystem::path& db, const std::vector<std::string>& predicates,
                    const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    const std::set<std::string> wanted(predicates.begin(), predicates.end());
    if (options.json) {
        JsonArrayStream items(std::cout);
        Status listed = ForEachRelation(**snapshot, wanted, [&](const Relation& relation, const Entity& subject,
                                                                const Entity& object) {
            items.AddFromArray(ToRelationsJson(GraphModel{EntitiesByName(subject, object), {relation}}));
            return Status::Ok();
        });
        if (!listed.ok()) return listed;
        items.Close();
        return Status::Ok();
    }
    Table table({"SUBJECT", "PREDICATE", "OBJECT", "ATTRIBUTES", "CONFIDENCE", "SOURCES"});
    Status listed = ForEachRelation(**snapshot, wanted, [&](const Relation& relation, const Entity&, const Entity&) {
        AddRelationRow(table, relation);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    table.Print(std::cout);
    return Status::Ok();
}

Status RunStats(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kPoint));
    if (!store.ok()) return store.status();
    Result<StoreStats> stats = (*store)->Stats();
    if (!stats.ok()) return stats.status();
    if (options.json) {
        ordered_json out = {{"documents", stats->documents},
                            {"entities", stats->entities},
                            {"relations", stats->relations},
                            {"evidence", stats->evidence},
                            {"entities_by_type", ordered_json::object()},
                            {"relations_by_predicate", ordered_json::object()},
                            {"bytes_on_disk", stats->bytes_on_disk},
                            {"block_cache_bytes", stats->block_cache_bytes}};
        for (const auto& [type, count] : stats->entities_by_type) out["entities_by_type"][type] = count;
        for (const auto& [predicate, count] : stats->relations_by_predicate) out["relations_by_predicate"][predicate] = count;
        std::cout << out.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"WHAT", "COUNT"});
    table.AddRow({"documents", std::to_string(stats->documents)});
    table.AddRow({"entities", std::to_string(stats->entities)});
    for (const auto& [type, count] : stats->entities_by_type) table.AddRow({"  " + type, std::to_string(count)});
    table.AddRow({"relations", std::to_string(stats->relations)});
    for (const auto& [predicate, count] : stats->relations_by_predicate) table.AddRow({"  " + predicate, std::to_string(count)});
    table.AddRow({"evidence sentences", std::to_string(stats->evidence)});
    table.AddRow({"database size (bytes)", std::to_string(stats->bytes_on_disk)});
    table.Print(std::cout);
    return Status::Ok();
}

Status RunShow(const std::filesystem::path& db, const std::string& name, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kPoint),
                                                          kEntityReads | StoreReads::kEvidence);
    if (!store.ok()) return store.status();
    const LeftOpenUntilExit left_open(*store);
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    Result<EntityKey> key = ResolveEntity(**snapshot, name, NameIndex(db, options));
    if (!key.ok()) return key.status();
    Result<GraphModel> graph = ReadEntityNeighborhood(**snapshot, *key);
    if (!graph.ok()) return graph.status();
    Result<Entity> entity = (*snapshot)->Read(*key);
    if (!entity.ok()) return entity.status();
    const Entity& e = *entity;

    std::vector<const Relation*> out, in;
    for (const Relation& relation : graph->relations) {
        if (relation.subject == e.name) out.push_back(&relation);
        else if (relation.object == e.name) in.push_back(&relation);
    }
    // What holds now reads first; ended ties after it, still in model order.
    for (std::vector<const Relation*>* side : {&out, &in}) {
        std::stable_partition(side->begin(), side->end(), [](const Relation* relation) { return !relation->ended; });
    }
    if (options.json) {
        ordered_json item = EntityJson(e);
        item["out"] = ordered_json::array();
        item["in"] = ordered_json::array();
        for (const Relation* relation : out) item["out"].push_back(RelationJson(*graph, *relation));
        for (const Relation* relation : in) item["in"].push_back(RelationJson(*graph, *relation));
        std::cout << item.dump(2) << "\n";
        return Status::Ok();
    }
    std::cout << e.name << " (" << EntityTypeName(e.type) << ")\n";
    if (!e.aliases.empty()) std::cout << "  aliases: " << Join(e.aliases, ", ") << "\n";
    auto print_side = [](const char* heading, const std::vector<const Relation*>& relations, bool outgoing) {
        if (relations.empty()) return;
        std::cout << heading << "\n";
        for (const Relation* relation : relations) {
            const std::string attributes = Attributes(*relation);
            std::cout << "  " << (outgoing ? "-> " : "<- ") << relation->predicate << " "
                      << (outgoing ? relation->object : relation->subject)
                      << (attributes.empty() ? "" : "  [" + attributes + "]") << "  confidence "
                      << Confidence(*relation) << "\n";
            PrintEvidence(*relation);
        }
    };
    print_side("outgoing:", out, true);
    print_side("incoming:", in, false);
    return Status::Ok();
}

Status RunNeighbors(const std::filesystem::path& db, const std::string& name, int depth, std::size_t limit,
                    const TraversalFilter& filter, const QueryOptions& options) {
    if (depth < 1) return Status::InvalidArgument("--depth must be at least 1");
    Result<std::unique_ptr<Store>> store =
        OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kPoint), kEntityReads);
    if (!store.ok()) return store.status();
    const LeftOpenUntilExit left_open(*store);
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    Result<EntityKey> start = ResolveEntity(**snapshot, name, NameIndex(db, options));
    if (!start.ok()) return start.status();
    Result<NeighborhoodAnswer> answer = FindNeighbors(**snapshot, *start, depth, filter, limit);
    if (!answer.ok()) return answer.status();
    const std::vector<Neighbor>& neighbors = answer->neighbors;

    auto via_text = [](const Neighbor& neighbor) {
        std::vector<std::string> hops;
        for (const Relation* relation : neighbor.via) {
            hops.push_back(relation->subject + " " + relation->predicate + " " + relation->object);
        }
        return hops;
    };
    // On stderr, so that the output keeps its shape.
    if (answer->cut) {
        std::cerr << "kgraph: showing the first " << limit << " entities found; more are within " << depth
                  << " hop" << (depth == 1 ? "" : "s") << " (use --limit to see more)\n";
    }
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const Neighbor& neighbor : neighbors) {
            ordered_json via = ordered_json::array();
            for (const Relation* relation : neighbor.via) via.push_back(CrossedRelationJson(answer->graph, *relation));
            items.push_back({{"entity", EntityJson(answer->graph, neighbor.entity)},
                             {"depth", neighbor.depth},
                             {"via", std::move(via)}});
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"DEPTH", "ENTITY", "VIA"});
    for (const Neighbor& neighbor : neighbors) {
        table.AddRow({std::to_string(neighbor.depth), neighbor.entity, Join(via_text(neighbor), "; ")});
    }
    table.Print(std::cout, 100);
    return Status::Ok();
}

Status RunPath(const std::filesystem::path& db, const std::string& from, const std::string& to,
               std::size_t max_visited, const TraversalFilter& filter, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store =
        OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kPoint), kEntityReads);
    if (!store.ok()) return store.status();
    const LeftOpenUntilExit left_open(*store);
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    Result<EntityKey> source = ResolveEntity(**snapshot, from, NameIndex(db, options));
    if (!source.ok()) return source.status();
    Result<EntityKey> target = ResolveEntity(**snapshot, to, NameIndex(db, options));
    if (!target.ok()) return target.status();
    Result<PathAnswer> answer = FindPath(**snapshot, *source, *target, filter, max_visited);
    if (!answer.ok()) return answer.status();
    const std::vector<PathHop>& path = answer->hops;

    if (options.json) {
        ordered_json hops = ordered_json::array();
        for (const PathHop& hop : path) {
            ordered_json item = CrossedRelationJson(answer->graph, *hop.relation);
            item["forward"] = hop.forward;
            hops.push_back(std::move(item));
        }
        std::cout << hops.dump(2) << "\n";
        return Status::Ok();
    }
    Result<Entity> start = (*snapshot)->Read(*source);
    if (!start.ok()) return start.status();
    std::string at = start->name;
    std::cout << at << "\n";
    for (const PathHop& hop : path) {
        const Relation& r = *hop.relation;
        at = hop.forward ? r.object : r.subject;
        std::cout << "  " << (hop.forward ? "--" + r.predicate + "-->" : "<--" + r.predicate + "--") << " " << at
                  << "\n";
    }
    std::cout << path.size() << " hop" << (path.size() == 1 ? "" : "s") << "\n";
    return Status::Ok();
}

Status RunConflicts(const std::filesystem::path& db, const QueryOptions& options) {
    Result<GraphModel> graph = LoadGraph(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!graph.ok()) return graph.status();
    std::vector<const Relation*> conflicting;
    for (const Relation& relation : graph->relations) {
        if (HasConflictingClaims(relation)) conflicting.push_back(&relation);
    }
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const Relation* relation : conflicting) {
            ordered_json item = RelationJson(*graph, *relation);
            item["disagreements"] = ordered_json::object();
            for (const Disagreement& disagreement : Disagreements(*relation)) {
                item["disagreements"][disagreement.attribute] = disagreement.values;
            }
            items.push_back(std::move(item));
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    if (conflicting.empty()) std::cout << "no relation has disagreeing sources\n";
    for (const Relation* relation : conflicting) {
        // "amount $14B vs $14.3B; date 2025-06-15 vs 2025-06-23"
        std::vector<std::string> what;
        for (const Disagreement& disagreement : Disagreements(*relation)) {
            what.push_back(disagreement.attribute + " " + Join(disagreement.values, " vs "));
        }
        std::cout << relation->subject << " " << relation->predicate << " " << relation->object << ": "
                  << Join(what, "; ") << "\n";
        PrintEvidence(*relation);
    }
    return Status::Ok();
}

Status RunDocuments(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    const auto by_source = GraphSnapshot::DocumentOrder::kBySource;
    if (options.json) {
        JsonArrayStream items(std::cout);
        Status listed = (*snapshot)->ForEachDocument(by_source, [&](const DocumentInfo& doc) {
            items.Add({{"id", doc.id},
                       {"source", doc.source},
                       {"relations", doc.relations},
                       {"extractor", doc.extractor},
                       {"url", doc.metadata.url},
                       {"title", doc.metadata.title},
                       {"date", doc.metadata.date}});
            return Status::Ok();
        });
        if (!listed.ok()) return listed;
        items.Close();
        return Status::Ok();
    }
    Table table({"ID", "SOURCE", "RELATIONS", "EXTRACTOR"});
    Status listed = (*snapshot)->ForEachDocument(by_source, [&](const DocumentInfo& doc) {
        table.AddRow({doc.id.substr(0, 12), doc.source, std::to_string(doc.relations),
                      doc.extractor.empty() ? "unknown" : doc.extractor});
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    table.Print(std::cout, 100);
    return Status::Ok();
}

Status RunForget(const std::filesystem::path& db, const std::string& doc) {
    StoreOptions options;
    options.create_if_missing = false;
    Result<std::unique_ptr<Store>> store = Store::Open(db, options);
    if (!store.ok()) return store.status();
    // A path to a file that is still there names its content; the stored
    // source path is the fallback for a file that changed or disappeared.
    Status forgotten = Status::NotFound("no stored document matches \"" + doc + "\"");
    if (Result<Document> current = ReadDocument(doc); current.ok()) forgotten = (*store)->Forget(current->id);
    if (forgotten.IsNotFound()) forgotten = (*store)->Forget(doc);
    if (forgotten.ok()) std::cout << "forgot " << doc << "\n";
    return forgotten;
}

Status RunCheck(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    Result<CheckReport> report = (*store)->Check();
    if (!report.ok()) return report.status();
    for (const std::string& problem : report->problems) std::cout << problem << "\n";
    if (!report->ok()) {
        return Status::Corruption(std::to_string(report->problems.size()) + " invariant violation(s) in " + db.string());
    }
    std::cout << "ok: every invariant holds\n";
    return Status::Ok();
}

Status RunRepair(const std::filesystem::path& db) {
    Result<std::filesystem::path> copy = Store::Repair(db);
    if (!copy.ok()) return copy.status();
    std::cout << "repaired " << db.string() << "; the folder as it was is in " << copy->string() << "\n";
    return RunCheck(db, QueryOptions{});
}

Status RunExport(const std::filesystem::path& db, const ExportOptions& options, const QueryOptions& query) {
    // Every export reads the whole graph (SelectPart too), once.
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(query.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    const bool streamed = options.format == ExportFormat::kJsonLd || options.format == ExportFormat::kGraphMl;
    if (streamed && WholeGraph(options)) {
        Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
        if (!snapshot.ok()) return snapshot.status();
        return StreamOutput(options.output, [&](std::ostream& out) {
            if (options.format == ExportFormat::kGraphMl) return StreamGraphMl(**snapshot, out);
            Status written = StreamJsonLd(**store, **snapshot, out);
            if (written.ok()) out << "\n";
            return written;
        });
    }
    Result<GraphModel> part = SelectPart(**store, options);
    if (!part.ok()) return part.status();
    switch (options.format) {
        case ExportFormat::kSvg: {
            Result<std::string> svg = ToSvg(*part);
            if (svg.status().IsInvalidArgument()) {
                return Status::InvalidArgument(svg.status().message() +
                                               "; draw a part of the graph with --entity NAME [--depth K], "
                                               "--rel a,b, --min-degree N or --top N");
            }
            if (!svg.ok()) return svg.status();
            return WriteOutput(options.output, *svg);
        }
        case ExportFormat::kDot: return WriteOutput(options.output, ToDot(*part));
        case ExportFormat::kJsonLd: {
            Result<std::map<std::string, DocumentMetadata>> documents = DocumentMetadataById(**store);
            if (!documents.ok()) return documents.status();
            return WriteOutput(options.output, ToJsonLd(*part, *documents) + "\n");
        }
        case ExportFormat::kJson: return WriteOutput(options.output, ToRelationsJson(*part) + "\n");
        case ExportFormat::kGraphMl: return WriteOutput(options.output, ToGraphMl(*part));
        case ExportFormat::kCsv: return WriteCsv(options.output, *part);
    }
    return Status::InvalidArgument("unknown export format");
}

}  // namespace kgraph::cli
