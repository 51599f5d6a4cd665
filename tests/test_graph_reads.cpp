// Tests of the read API (GraphSnapshot in store.h) and of the queries built
// on it (local_queries.h): they give the answers the same questions get from
// the whole graph (ReadGraph() and traversal.h), and read only what they answer.
#include <catch2/catch.hpp>

#include <rocksdb/db.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "kgraph/local_queries.h"
#include "kgraph/model.h"
#include "kgraph/store.h"
#include "kgraph/traversal.h"
#include "tangled_corpus.h"

namespace fs = std::filesystem;
using namespace kgraph;
using namespace kgraph::test;

namespace {

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("kgraph-test-reads-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    fs::path db() const { return path_ / "kgraph.db"; }

private:
    fs::path path_;
};

std::unique_ptr<Store> OpenStore(const fs::path& path) {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    INFO(store.status().ToString());
    REQUIRE(store.ok());
    return std::move(*store);
}

std::unique_ptr<GraphSnapshot> SnapshotOf(const Store& store) {
    Result<std::unique_ptr<GraphSnapshot>> snapshot = store.Snapshot();
    REQUIRE(snapshot.ok());
    return std::move(*snapshot);
}

EntityKey KeyOf(const GraphSnapshot& snapshot, const std::string& name) {
    Result<std::optional<EntityKey>> key = snapshot.Find(name);
    REQUIRE(key.ok());
    REQUIRE(key->has_value());
    return **key;
}

std::size_t MergedKeys(const fs::path& path) {
    rocksdb::DBOptions options;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(options, path.string(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::OpenForReadOnly(options, path.string(), descriptors, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    std::size_t count = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] != "merged") continue;
        std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
        for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
    }
    for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
    return count;
}

// What ReadGraph() holds about one entity, as ReadEntityNeighborhood promises it.
GraphModel NeighborhoodIn(const GraphModel& graph, const std::string& name) {
    GraphModel part;
    std::set<std::string> ends{name};
    for (const Relation& relation : graph.relations) {
        if (relation.subject != name && relation.object != name) continue;
        part.relations.push_back(relation);
        ends.insert(relation.subject);
        ends.insert(relation.object);
    }
    for (const std::string& end : ends) part.entities.push_back(*graph.FindEntity(end));
    return part;
}

// Neighbours as the CLI prints them: entity, depth, and the via relations' text.
using NeighborRows = std::vector<std::tuple<std::string, int, std::vector<std::string>>>;
NeighborRows Rows(const std::vector<Neighbor>& neighbors) {
    NeighborRows rows;
    for (const Neighbor& neighbor : neighbors) {
        std::vector<std::string> via;
        for (const Relation* r : neighbor.via) via.push_back(r->subject + " " + r->predicate + " " + r->object);
        rows.emplace_back(neighbor.entity, neighbor.depth, via);
    }
    return rows;
}

// A path as the CLI prints it, or the message of its absence.
std::vector<std::string> Hops(const Result<std::vector<PathHop>>& path) {
    if (!path.ok()) return {path.status().ToString()};
    std::vector<std::string> hops;
    for (const PathHop& hop : *path) {
        hops.push_back(hop.relation->subject + " " + hop.relation->predicate + " " + hop.relation->object +
                       (hop.forward ? " >" : " <"));
    }
    return hops;
}

// Hub Inc, with 300 customers, each in a document of its own.
void IngestHub(Store& store) {
    for (int k = 0; k < 300; ++k) {
        const std::string customer = "Customer " + std::to_string(k);
        REQUIRE(store.Ingest(Facts("c" + std::to_string(k), {{customer, EntityType::kOrganization, {}}, {"Hub Inc", EntityType::kOrganization, {}}},
                                   {{customer, "customer-of", "Hub Inc"}}))
                    .ok());
    }
}

std::vector<TraversalFilter> Filters() {
    return {{}, {{}, Direction::kOut}, {{}, Direction::kIn}, {{"competes-with", "customer-of"}, Direction::kBoth},
            {{"competes-with", "invests-in"}, Direction::kOut}};
}

}  // namespace

TEST_CASE("show, neighbors, path and the listings from a snapshot answer as the whole graph does", "[graph][reads]") {
    for (unsigned seed : {1u, 2u}) {
        TempDir dir;
        std::unique_ptr<Store> store = OpenStore(dir.db());
        const std::vector<DocumentFacts> docs = TangledCorpus(seed);
        for (const DocumentFacts& doc : docs) REQUIRE(store->Ingest(doc).ok());
        // Forgetting undoes some merges and rebuilds entities under new ids.
        for (std::size_t d = 0; d < docs.size(); d += 9) REQUIRE(store->Forget(docs[d].source).ok());
        store.reset();
        REQUIRE(MergedKeys(dir.db()) > 0);  // the corpus exercises merged ids
        store = OpenStore(dir.db());
        Result<GraphModel> graph = store->ReadGraph();
        REQUIRE(graph.ok());
        REQUIRE(graph->relations.size() > 40);
        std::unique_ptr<GraphSnapshot> snapshot = SnapshotOf(*store);

        for (const Entity& entity : graph->entities) {
            INFO("seed " << seed << ", entity " << entity.name);
            const EntityKey key = KeyOf(*snapshot, entity.name);
            Result<GraphModel> part = ReadEntityNeighborhood(*snapshot, key);
            REQUIRE(part.ok());
            const GraphModel expected = NeighborhoodIn(*graph, entity.name);
            CHECK(part->entities == expected.entities);
            CHECK(part->relations == expected.relations);

            for (const TraversalFilter& filter : Filters()) {
                for (int depth = 1; depth <= 3; ++depth) {
                    Result<NeighborhoodAnswer> found = FindNeighbors(*snapshot, key, depth, filter, 1000);
                    Result<std::vector<Neighbor>> whole = Neighbors(*graph, entity.name, depth, filter);
                    REQUIRE(found.ok());
                    REQUIRE(whole.ok());
                    CHECK_FALSE(found->cut);
                    CHECK(Rows(found->neighbors) == Rows(*whole));
                }
            }
        }
        // Listings an entity at a time give ReadGraph()'s entities and relations.
        std::map<std::string, std::size_t> degree;
        for (const Relation& relation : graph->relations) {
            ++degree[relation.subject];
            ++degree[relation.object];
        }
        std::vector<std::pair<Entity, std::size_t>> listed, expected_list;
        for (const Entity& entity : graph->entities) expected_list.emplace_back(entity, degree[entity.name]);
        REQUIRE(ForEachEntityByName(*snapshot, [&](const Entity& entity, std::size_t d) {
                    listed.emplace_back(entity, d);
                    return Status::Ok();
                }).ok());
        CHECK(listed == expected_list);
        std::vector<Relation> relations;
        REQUIRE(ForEachRelation(*snapshot, {}, [&](const Relation& relation, const Entity& subject, const Entity& object) {
                    CHECK(subject.name == relation.subject);
                    CHECK(object.name == relation.object);
                    relations.push_back(relation);
                    return Status::Ok();
                }).ok());
        CHECK(relations == graph->relations);
        relations.clear();
        REQUIRE(ForEachRelation(*snapshot, {"customer-of"}, [&](const Relation& relation, const Entity&, const Entity&) {
                    relations.push_back(relation);
                    return Status::Ok();
                }).ok());
        std::vector<Relation> customers;
        std::copy_if(graph->relations.begin(), graph->relations.end(), std::back_inserter(customers),
                     [](const Relation& r) { return r.predicate == "customer-of"; });
        CHECK(relations == customers);
        CHECK(std::any_of(customers.begin(), customers.end(), [](const Relation& r) { return r.ended; }));

        for (std::size_t a = 0; a < graph->entities.size(); ++a) {
            for (std::size_t b = a % 5; b < graph->entities.size(); b += 5) {
                const std::string& from = graph->entities[a].name;
                const std::string& to = graph->entities[b].name;
                INFO("seed " << seed << ", path " << from << " -> " << to);
                for (const TraversalFilter& filter : Filters()) {
                    Result<PathAnswer> found =
                        FindPath(*snapshot, KeyOf(*snapshot, from), KeyOf(*snapshot, to), filter, 100000);
                    const Result<std::vector<PathHop>> expected = ShortestPath(*graph, from, to, filter);
                    CHECK(Hops(found.ok() ? Result<std::vector<PathHop>>(found->hops) : found.status()) ==
                          Hops(expected));
                }
            }
        }
    }
}

TEST_CASE("show reads the entities it prints and the evidence it prints, not the graph", "[graph][reads]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    // A hub with 300 customers, and Quiet Co with two relations, one of them
    // to the hub.
    IngestHub(*store);
    REQUIRE(store->Ingest(Facts("q", {{"Quiet Co", EntityType::kOrganization, {}}, {"Hub Inc", EntityType::kOrganization, {}}, {"Jane Roe", EntityType::kPerson, {}}},
                                {{"Quiet Co", "invests-in", "Hub Inc"}, {"Jane Roe", "ceo-of", "Quiet Co"}, {"Quiet Co", "invests-in", "Hub Inc"}}))
                .ok());

    std::unique_ptr<GraphSnapshot> snapshot = SnapshotOf(*store);
    Result<GraphModel> shown = ReadEntityNeighborhood(*snapshot, KeyOf(*snapshot, "quiet co"));
    REQUIRE(shown.ok());
    REQUIRE(shown->entities.size() == 3);
    REQUIRE(shown->relations.size() == 2);
    std::size_t evidence = 0;
    for (const Relation& relation : shown->relations) evidence += relation.evidence.size();
    CHECK(evidence == 3);
    CHECK(snapshot->counts().entities == shown->entities.size());
    CHECK(snapshot->counts().evidence == evidence);
    CHECK(snapshot->counts().edges == 2);  // its own two, none of the hub's 300

    // Neighbours of the hub stop at the limit, and read no more entities.
    std::unique_ptr<GraphSnapshot> hub_snapshot = SnapshotOf(*store);
    Result<NeighborhoodAnswer> hub = FindNeighbors(*hub_snapshot, KeyOf(*hub_snapshot, "Hub Inc"), 2, {}, 25);
    REQUIRE(hub.ok());
    CHECK(hub->cut);
    CHECK(hub->neighbors.size() == 25);
    CHECK(hub_snapshot->counts().entities == 26);  // the hub and the 25 kept
}

TEST_CASE("a path search widens the side that reads fewer edges, and never reads a hub's it only meets",
          "[graph][reads]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    // Hub Inc has 300 customers and invests in Link Co, which invests in
    // Mid Co, a customer of Target Co: both ends start with one entity to
    // widen, and widening the hub's side first would read its 301 edges.
    IngestHub(*store);
    REQUIRE(store->Ingest(Facts("chain", {{"Hub Inc", EntityType::kOrganization, {}}, {"Link Co", EntityType::kOrganization, {}},
                                          {"Mid Co", EntityType::kOrganization, {}}, {"Target Co", EntityType::kOrganization, {}}},
                                {{"Hub Inc", "invests-in", "Link Co"}, {"Link Co", "invests-in", "Mid Co"}, {"Mid Co", "customer-of", "Target Co"}}))
                .ok());

    for (const auto& [from, to] : {std::pair<std::string, std::string>{"Hub Inc", "Target Co"}, {"Target Co", "Hub Inc"}}) {
        INFO(from << " -> " << to);
        std::unique_ptr<GraphSnapshot> snapshot = SnapshotOf(*store);
        Result<PathAnswer> path = FindPath(*snapshot, KeyOf(*snapshot, from), KeyOf(*snapshot, to), {}, 100000);
        REQUIRE(path.ok());
        CHECK(path->hops.size() == 3);
        // The other side's three entities, their edges, and the hub's
        // counted up to the first bound (64), not read.
        CHECK(snapshot->counts().edges < 100);
        CHECK(snapshot->counts().entities == 4);  // the four on the path
    }
}

TEST_CASE("names like a misspelt one come from the name index, in bounded reads, whatever the names stored", "[graph][reads]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    for (int k = 0; k < 500; ++k) {
        const std::string name = "Company " + std::to_string(k);
        REQUIRE(store->Ingest(Facts("n" + std::to_string(k), {{name, EntityType::kOrganization, {}}}, {})).ok());
    }
    // A name of 100 KB, which Ingest takes (only extraction and --facts
    // bound names), among names like the one wanted.
    const std::string huge(100 * 1024, 'n');
    REQUIRE(store->Ingest(Facts("big", {{huge, EntityType::kOrganization, {}}, {"Nvidia", EntityType::kOrganization, {"NVDA"}},
                                        {"Nvidia Partners", EntityType::kOrganization, {}}},
                                {}))
                .ok());
    auto names_like = [&](const Store& from, std::string_view typed) {
        std::unique_ptr<GraphSnapshot> snapshot = SnapshotOf(from);
        Result<std::vector<NameMatch>> found = snapshot->NamesLike(typed, 3);
        REQUIRE(found.ok());
        std::vector<std::string> names;
        for (const NameMatch& match : *found) names.push_back(match.folded);
        return std::pair(names, snapshot->counts().names);
    };
    const auto [like, keys_read] = names_like(*store, "Nvidai");
    CHECK(like == std::vector<std::string>{"nvidia", "nvidia partners", "nvda"});
    // Its 6 trigrams each name a few stored names, not the 500 others.
    CHECK(keys_read < 20);
    CHECK(names_like(*store, huge).first.empty());  // over kMaxNameBytes: no trigram is looked up

    // Forgetting the document takes its names out of the index too.
    REQUIRE(store->Forget("big").ok());
    CHECK(names_like(*store, "Nvidai").first.empty());
}
