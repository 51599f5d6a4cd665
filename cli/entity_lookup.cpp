#include "entity_lookup.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace kgraph::cli {
namespace {

// What a user means by a name: "meta's", "Meta", "META" are one.
std::string Fold(const std::string& name) {
    std::string folded;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c >= 0x80) folded += static_cast<char>(std::tolower(c));
        else if (!folded.empty() && folded.back() != ' ') folded += ' ';
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, " s") == 0) folded.resize(folded.size() - 2);
    return folded;
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
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

template <typename Visit>
void ForEachName(const GraphModel& graph, Visit visit) {
    for (const Entity& entity : graph.entities) {
        visit(entity, entity.name);
        for (const std::string& alias : entity.aliases) visit(entity, alias);
    }
}

}  // namespace

Result<const Entity*> ResolveEntity(const GraphModel& graph, const std::string& typed) {
    const std::string wanted = Fold(typed);
    const Entity* found = nullptr;
    ForEachName(graph, [&](const Entity& entity, const std::string& name) {
        if (!found && Fold(name) == wanted) found = &entity;
    });
    if (found) return found;

    std::string message = "no entity named \"" + typed + "\"";
    std::vector<std::string> suggestions = ClosestNames(graph, typed);
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        message += (i == 0 ? "; did you mean \"" : ", \"") + suggestions[i] + "\"";
    }
    if (!suggestions.empty()) message += "?";
    return Status::NotFound(message);
}

// Edit distances cost the product of the lengths: names over kMaxNameBytes
// (which databases from before that bound may hold) are not compared, nor
// is a query that long.
std::vector<std::string> ClosestNames(const GraphModel& graph, const std::string& typed, std::size_t limit) {
    if (typed.size() > kMaxNameBytes) return {};
    const std::string wanted = Fold(typed);
    // (not a substring, distance, name): smaller is closer.
    std::vector<std::tuple<bool, std::size_t, std::string>> ranked;
    ForEachName(graph, [&](const Entity& entity, const std::string& name) {
        if (name.size() > kMaxNameBytes) return;
        const std::string folded = Fold(name);
        const bool contains = !wanted.empty() && (folded.find(wanted) != std::string::npos ||
                                                  wanted.find(folded) != std::string::npos);
        const std::size_t distance = EditDistance(wanted, folded);
        if (contains || distance <= std::max<std::size_t>(2, wanted.size() / 3)) {
            ranked.emplace_back(!contains, distance, entity.name);
        }
    });
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> names;
    for (const auto& candidate : ranked) {
        const std::string& name = std::get<2>(candidate);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        if (names.size() == limit) break;
    }
    return names;
}

}  // namespace kgraph::cli
