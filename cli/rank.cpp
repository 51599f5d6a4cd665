// `kgraph rank`: entities by PageRank or degree, with their connected
// component, from the graph's outline (kgraph/ranking.h).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kgraph/ranking.h"
#include "table.h"

namespace kgraph::cli {
namespace {

std::string ScoreText(double score, RankBy by) {
    if (by == RankBy::kDegree) return std::to_string(static_cast<std::size_t>(score));
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", score);
    return text;
}

}  // namespace

Status RunRank(const std::filesystem::path& db, const RankOptions& rank, const QueryOptions& options) {
    Result<std::unique_ptr<Store>> store = OpenForReading(db, ReaderBudget(options.memory_budget, ReadShape::kScan));
    if (!store.ok()) return store.status();
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    if (!snapshot.ok()) return snapshot.status();
    Result<GraphOutline> outline = ReadOutline(**snapshot);
    if (!outline.ok()) return outline.status();
    std::vector<EntityRank> ranks = RankEntities(*outline, rank.by);
    std::size_t components = 0;
    for (const EntityRank& entry : ranks) components = std::max(components, entry.component);
    if (rank.top > 0 && ranks.size() > rank.top) ranks.resize(rank.top);

    if (options.json) {
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const EntityRank& entry : ranks) {
            const Entity& entity = outline->entities[entry.entity];
            items.push_back({{"name", entity.name},
                             {"type", std::string(EntityTypeName(entity.type))},
                             {"score", entry.score},
                             {"degree", entry.degree},
                             {"component", entry.component}});
        }
        std::cout << items.dump(2) << "\n";
        return Status::Ok();
    }
    Table table({"RANK", "NAME", "TYPE", rank.by == RankBy::kDegree ? "DEGREE" : "PAGERANK", "RELATIONS", "COMPONENT"});
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        const EntityRank& entry = ranks[r];
        const Entity& entity = outline->entities[entry.entity];
        table.AddRow({std::to_string(r + 1), entity.name, std::string(EntityTypeName(entity.type)),
                      ScoreText(entry.score, rank.by), std::to_string(entry.degree), std::to_string(entry.component)});
    }
    table.Print(std::cout);
    std::cout << outline->entities.size() << " entities in " << components << " connected component"
              << (components == 1 ? "" : "s") << "\n";
    return Status::Ok();
}

}  // namespace kgraph::cli
