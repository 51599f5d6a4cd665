// The read-side commands: entities, relations, stats, show, neighbors, path,
// conflicts, documents, check, forget, export.
//
// Queries open the database read-only, so they work while an ingest runs.
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "entity_lookup.h"
#include "kgraph/export.h"
#include "kgraph/extract.h"
#include "kgraph/store.h"
#include "table.h"

namespace kgraph::cli {
namespace {

using nlohmann::ordered_json;

Result<std::unique_ptr<Store>> OpenForReading(const std::filesystem::path& db) {
    StoreOptions options;
    options.read_only = true;
    return Store::Open(db, options);
}

Result<GraphModel> LoadGraph(const std::filesystem::path& db) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db);
    if (!store.ok()) return store.status();
    return (*store)->ReadGraph();
}

std::map<std::string, std::size_t> Degrees(const GraphModel& graph) {
    std::map<std::string, std::size_t> degree;
    for (const Relation& relation : graph.relations) {
        ++degree[relation.subject];
        ++degree[relation.object];
    }
    return degree;
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

ordered_json EntityJson(const Entity& entity) {
    return {{"name", entity.name}, {"type", std::string(EntityTypeName(entity.type))}, {"aliases", entity.aliases}};
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

void PrintRelationTable(const std::vector<const Relation*>& relations) {
    Table table({"SUBJECT", "PREDICATE", "OBJECT", "ATTRIBUTES", "CONFIDENCE", "SOURCES"});
    for (const Relation* relation : relations) {
        table.AddRow({relation->subject, relation->predicate, relation->object, Attributes(*relation),
                      Confidence(*relation), std::to_string(relation->evidence.size())});
    }
    table.Print(std::cout);
}

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

std::vector<const Relation*> RelationsMatching(const GraphModel& graph, const std::vector<std::string>& predicates) {
    std::vector<const Relation*> selected;
    for (const Relation& relation : graph.relations) {
        if (predicates.empty() ||
            std::find(predicates.begin(), predicates.end(), relation.predicate) != predicates.end()) {
            selected.push_back(&relation);
        }
    }
    return selected;
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

}  // namespace

Status RunEntities(const std::filesystem::path& db, const QueryOptions& options) {
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    std::map<std::string, std::size_t> degree = Degrees(*graph);
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const Entity& entity : graph->entities) {
            ordered_json item = EntityJson(entity);
            item["degree"] = degree[entity.name];
            items.push_back(std::move(item));
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"NAME", "TYPE", "ALIASES", "DEGREE"});
    for (const Entity& entity : graph->entities) {
        table.AddRow({entity.name, std::string(EntityTypeName(entity.type)), Join(entity.aliases, ", "),
                      std::to_string(degree[entity.name])});
    }
    table.Print(std::cout);
    return Status::Ok();
}

Status RunRelations(const std::filesystem::path& db, const std::vector<std::string>& predicates,
                    const QueryOptions& options) {
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    if (options.json) {
        GraphModel selected;
        selected.entities = graph->entities;
        for (const Relation* relation : RelationsMatching(*graph, predicates)) selected.relations.push_back(*relation);
        std::cout << ToRelationsJson(selected) << "\n";
        return Status::Ok();
    }
    PrintRelationTable(RelationsMatching(*graph, predicates));
    return Status::Ok();
}

Status RunStats(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db);
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
                            {"bytes_on_disk", stats->bytes_on_disk}};
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
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    Result<const Entity*> entity = ResolveEntity(*graph, name);
    if (!entity.ok()) return entity.status();
    const Entity& e = **entity;

    std::vector<const Relation*> out, in;
    for (const Relation& relation : graph->relations) {
        if (relation.subject == e.name) out.push_back(&relation);
        else if (relation.object == e.name) in.push_back(&relation);
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

Status RunNeighbors(const std::filesystem::path& db, const std::string& name, int depth,
                    const TraversalFilter& filter, const QueryOptions& options) {
    if (depth < 1) return Status::InvalidArgument("--depth must be at least 1");
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    Result<const Entity*> entity = ResolveEntity(*graph, name);
    if (!entity.ok()) return entity.status();
    Result<std::vector<Neighbor>> neighbors = Neighbors(*graph, (*entity)->name, depth, filter);
    if (!neighbors.ok()) return neighbors.status();

    auto via_text = [](const Neighbor& neighbor) {
        std::vector<std::string> hops;
        for (const Relation* relation : neighbor.via) {
            hops.push_back(relation->subject + " " + relation->predicate + " " + relation->object);
        }
        return hops;
    };
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const Neighbor& neighbor : *neighbors) {
            items.push_back({{"entity", neighbor.entity}, {"depth", neighbor.depth}, {"via", via_text(neighbor)}});
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"DEPTH", "ENTITY", "VIA"});
    for (const Neighbor& neighbor : *neighbors) {
        table.AddRow({std::to_string(neighbor.depth), neighbor.entity, Join(via_text(neighbor), "; ")});
    }
    table.Print(std::cout, 100);
    return Status::Ok();
}

Status RunPath(const std::filesystem::path& db, const std::string& from, const std::string& to,
               const TraversalFilter& filter, const QueryOptions& options) {
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    Result<const Entity*> source = ResolveEntity(*graph, from);
    if (!source.ok()) return source.status();
    Result<const Entity*> target = ResolveEntity(*graph, to);
    if (!target.ok()) return target.status();
    Result<std::vector<PathHop>> path = ShortestPath(*graph, (*source)->name, (*target)->name, filter);
    if (!path.ok()) return path.status();

    if (options.json) {
        ordered_json hops = ordered_json::array();
        for (const PathHop& hop : *path) {
            hops.push_back({{"subject", hop.relation->subject},
                            {"predicate", hop.relation->predicate},
                            {"object", hop.relation->object},
                            {"forward", hop.forward}});
        }
        std::cout << hops.dump(2) << "\n";
        return Status::Ok();
    }
    std::string at = (*source)->name;
    std::cout << at << "\n";
    for (const PathHop& hop : *path) {
        const Relation& r = *hop.relation;
        at = hop.forward ? r.object : r.subject;
        std::cout << "  " << (hop.forward ? "--" + r.predicate + "-->" : "<--" + r.predicate + "--") << " " << at
                  << "\n";
    }
    std::cout << path->size() << " hop" << (path->size() == 1 ? "" : "s") << "\n";
    return Status::Ok();
}

Status RunConflicts(const std::filesystem::path& db, const QueryOptions& options) {
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    std::vector<const Relation*> conflicting;
    for (const Relation& relation : graph->relations) {
        if (HasConflictingClaims(relation)) conflicting.push_back(&relation);
    }
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const Relation* relation : conflicting) items.push_back(RelationJson(*graph, *relation));
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    if (conflicting.empty()) std::cout << "no relation has disagreeing sources\n";
    for (const Relation* relation : conflicting) {
        std::cout << relation->subject << " " << relation->predicate << " " << relation->object << "\n";
        PrintEvidence(*relation);
    }
    return Status::Ok();
}

Status RunDocuments(const std::filesystem::path& db, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db);
    if (!store.ok()) return store.status();
    Result<std::vector<DocumentInfo>> documents = (*store)->Documents();
    if (!documents.ok()) return documents.status();
    if (options.json) {
        ordered_json items = ordered_json::array();
        for (const DocumentInfo& doc : *documents) {
            items.push_back({{"id", doc.id},
                             {"source", doc.source},
                             {"relations", doc.relations},
                             {"url", doc.metadata.url},
                             {"title", doc.metadata.title},
                             {"date", doc.metadata.date}});
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"ID", "SOURCE", "RELATIONS"});
    for (const DocumentInfo& doc : *documents) {
        table.AddRow({doc.id.substr(0, 12), doc.source, std::to_string(doc.relations)});
    }
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

Status RunCheck(const std::filesystem::path& db) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db);
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

Status RunExport(const std::filesystem::path& db, ExportFormat format, const std::filesystem::path& output) {
    Result<GraphModel> graph = LoadGraph(db);
    if (!graph.ok()) return graph.status();
    switch (format) {
        case ExportFormat::kSvg: {
            if (Status folder = EnsureParentFolder(output); !folder.ok()) return folder;
            return WriteSvg(*graph, output);
        }
        case ExportFormat::kDot: {
            Result<std::string> dot = ToDot(*graph);
            if (!dot.ok()) return dot.status();
            return WriteFile(output, *dot);
        }
        case ExportFormat::kJsonLd: return WriteFile(output, ToJsonLd(*graph) + "\n");
        case ExportFormat::kJson: return WriteFile(output, ToRelationsJson(*graph) + "\n");
    }
    return Status::InvalidArgument("unknown export format");
}

}  // namespace kgraph::cli
