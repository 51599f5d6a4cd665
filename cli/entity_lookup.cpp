#include "entity_lookup.h"

#include <algorithm>
#include <tuple>

#include "kgraph/name_folding.h"

namespace kgraph::cli {
namespace {

std::size_t EditDistance(const std::string& a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "Meta's" for Meta: the store keeps "Meta's" a name of its own (it may be
// one: "Macy's"), but a user typing it means Meta when no such name exists.
std::optional<std::string> WithoutPossessive(const std::string& typed) {
    for (std::string_view ending : {"'s", "\u2019s"}) {
        if (typed.size() > ending.size() && typed.ends_with(ending)) return typed.substr(0, typed.size() - ending.size());
    }
    return std::nullopt;
}

}  // namespace

Result<EntityKey> ResolveEntity(const GraphSnapshot& snapshot, const std::string& typed,
                                const NameIndexOpener& open_names) {
    Result<std::optional<EntityKey>> found = snapshot.Find(typed);
    if (found.ok() && !*found) {
        if (std::optional<std::string> stem = WithoutPossessive(typed)) found = snapshot.Find(*stem);
    }
    if (!found.ok()) return found.status();
    if (*found) return **found;

    std::unique_ptr<Store> names_store;
    std::unique_ptr<GraphSnapshot> names_snapshot;
    if (open_names) {
        Result<std::unique_ptr<Store>> opened = open_names();
        if (!opened.ok()) return opened.status();
        names_store = std::move(*opened);
        Result<std::unique_ptr<GraphSnapshot>> taken = names_store->Snapshot();
        if (!taken.ok()) return taken.status();
        names_snapshot = std::move(*taken);
    }
    Result<std::vector<std::string>> suggestions = ClosestNames(names_snapshot ? *names_snapshot : snapshot, typed);
    if (!suggestions.ok()) return suggestions.status();
    std::string message = "no entity named \"" + typed + "\"";
    for (std::size_t i = 0; i < suggestions->size(); ++i) {
        message += (i == 0 ? "; did you mean \"" : ", \"") + (*suggestions)[i] + "\"";
    }
    if (!suggestions->empty()) message += "?";
    return Status::NotFound(message);
}

// The candidates are the names sharing the most trigrams with `typed`
// (GraphSnapshot::NamesLike, from an index): a misspelling keeps most of
// them. Edit distances cost the product of the lengths, so they are computed
// for those candidates only, never over kMaxNameBytes.
Result<std::vector<std::string>> ClosestNames(const GraphSnapshot& snapshot, const std::string& typed,
                                              std::size_t limit) {
    constexpr std::size_t kCandidates = 50;
    if (typed.size() > kMaxNameBytes) return std::vector<std::string>();
    const std::string wanted = FoldName(typed);
    Result<std::vector<NameMatch>> candidates = snapshot.NamesLike(typed, kCandidates);
    if (!candidates.ok()) return candidates.status();
    // (not a substring, distance, folded name): smaller is closer.
    std::vector<std::tuple<bool, std::size_t, std::string, EntityKey>> ranked;
    for (const auto& [folded, entity] : *candidates) {
        const bool contains = !wanted.empty() && (folded.find(wanted) != std::string::npos ||
                                                  wanted.find(folded) != std::string::npos);
        const std::size_t distance = EditDistance(wanted, folded);
        if (contains || distance <= std::max<std::size_t>(2, wanted.size() / 3)) {
            ranked.emplace_back(!contains, distance, folded, entity);
        }
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> names;
    for (const auto& candidate : ranked) {
        if (names.size() == limit) break;
        Result<Entity> entity = snapshot.Read(std::get<3>(candidate));
        if (!entity.ok()) return entity.status();
        if (std::find(names.begin(), names.end(), entity->name) == names.end()) names.push_back(entity->name);
    }
    return names;
}

}  // namespace kgraph::cli
