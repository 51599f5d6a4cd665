#include "kgraph/model.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <tuple>

// Boost's SHA-1 is header-only and already on every machine that has
// libboost-graph-dev; a content hash needs no stronger guarantee than
// "different articles get different ids".
#include <boost/uuid/detail/sha1.hpp>

namespace kgraph {

std::string_view EntityTypeName(EntityType type) {
    switch (type) {
        case EntityType::kOrganization: return "Organization";
        case EntityType::kPerson: return "Person";
    }
    return "Organization";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
    if (name == "Organization") return EntityType::kOrganization;
    if (name == "Person") return EntityType::kPerson;
    return std::nullopt;
}

std::string DocumentId(std::string_view text) {
    boost::uuids::detail::sha1 hash;
    hash.process_bytes(text.data(), text.size());
    boost::uuids::detail::sha1::digest_type digest;
    hash.get_digest(digest);
    char hex[41];
    for (int i = 0; i < 5; ++i) std::snprintf(hex + 8 * i, 9, "%08x", digest[i]);
    return std::string(hex, 40);
}

const Entity* GraphModel::FindEntity(std::string_view name) const {
    auto it = std::lower_bound(entities.begin(), entities.end(), name,
                               [](const Entity& e, std::string_view n) { return e.name < n; });
    return it != entities.end() && it->name == name ? &*it : nullptr;
}

std::size_t CountCodePoints(std::string_view utf8) {
    // Every code point has one byte that is not a continuation byte (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsSymmetricPredicate(std::string_view predicate) { return predicate == "competes-with"; }

double RelationConfidence(const Relation& relation) {
    double doubt = 1.0;
    for (const Evidence& e : relation.evidence) doubt *= 1.0 - std::clamp(e.confidence, 0.0, 1.0);
    return 1.0 - doubt;
}

namespace {

// Picks the claim most evidence agrees on. `rank` orders ties (greater wins),
// so the choice never depends on the order evidence was stored in.
template <typename T, typename Get, typename Rank>
std::optional<T> MostSupported(const Relation& relation, Get get, Rank rank) {
    std::vector<std::pair<T, int>> votes;
    for (const Evidence& e : relation.evidence) {
        const std::optional<T>& claim = get(e);
        if (!claim) continue;
        auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == *claim; });
        if (it == votes.end()) votes.emplace_back(*claim, 1);
        else ++it->second;
    }
    if (votes.empty()) return std::nullopt;
    auto best = std::max_element(votes.begin(), votes.end(), [&](const auto& a, const auto& b) {
        return std::make_tuple(a.second, rank(a.first)) < std::make_tuple(b.second, rank(b.first));
    });
    return best->first;
}

}  // namespace

std::optional<Money> RelationAmount(const Relation& relation) {
    return MostSupported<Money>(
        relation, [](const Evidence& e) -> const std::optional<Money>& { return e.amount; },
        [](const Money& m) { return std::make_tuple(m.qualifier.empty(), m.value, m.currency); });
}

std::optional<double> RelationPercent(const Relation& relation) {
    return MostSupported<double>(
        relation, [](const Evidence& e) -> const std::optional<double>& { return e.percent; },
        [](double p) { return p; });
}

std::optional<std::string> RelationDate(const Relation& relation) {
    // A longer ISO date is more precise ("2025-06-23" over "2025").
    return MostSupported<std::string>(
        relation, [](const Evidence& e) -> const std::optional<std::string>& { return e.date; },
        [](const std::string& d) { return std::make_pair(d.size(), d); });
}

namespace {

// The distinct claims of one attribute, smallest first (by `less`), as
// displayed; nothing when the sentences agree.
template <typename T, typename Get, typename Less, typename Format>
std::optional<Disagreement> DistinctClaims(const Relation& relation, const char* attribute, Get get, Less less,
                                           Format format) {
    std::vector<T> claims;
    for (const Evidence& e : relation.evidence) {
        if (const std::optional<T>& claim = get(e); claim) claims.push_back(*claim);
    }
    std::sort(claims.begin(), claims.end(), less);
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    if (claims.size() < 2) return std::nullopt;
    Disagreement disagreement{attribute, {}};
    for (const T& claim : claims) disagreement.values.push_back(format(claim));
    return disagreement;
}

}  // namespace

std::vector<Disagreement> Disagreements(const Relation& relation) {
    std::vector<Disagreement> found;
    auto add = [&](std::optional<Disagreement> disagreement) {
        if (disagreement) found.push_back(std::move(*disagreement));
    };
    // Exact before hedged at one value, as "$14B" reads before "> $14B".
    add(DistinctClaims<Money>(
        relation, "amount", [](const Evidence& e) -> const std::optional<Money>& { return e.amount; },
        [](const Money& a, const Money& b) {
            return std::tie(a.value, a.currency, a.qualifier, a.upper) < std::tie(b.value, b.currency, b.qualifier, b.upper);
        },
        FormatMoney));
    add(DistinctClaims<double>(
        relation, "percent", [](const Evidence& e) -> const std::optional<double>& { return e.percent; },
        std::less<double>(), FormatPercent));
    add(DistinctClaims<std::string>(
        relation, "date", [](const Evidence& e) -> const std::optional<std::string>& { return e.date; },
        std::less<std::string>(), [](const std::string& date) { return date; }));
    return found;
}

bool HasConflictingClaims(const Relation& relation) { return !Disagreements(relation).empty(); }

namespace {

std::string CurrencySymbol(const std::string& currency) {
    if (currency == "USD") return "$";
    if (currency == "EUR") return "\u20ac";
    if (currency == "GBP") return "\u00a3";
    if (currency == "JPY") return "\u00a5";
    return currency + " ";
}

// Shortest decimal form with at most `digits` fractional digits: 14.3, 14, 0.25.
std::string TrimmedNumber(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

std::string ScaledAmount(const std::string& currency, double value) {
    static constexpr std::pair<double, const char*> kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
    for (const auto& [scale, suffix] : kScales) {
        if (value >= scale) return CurrencySymbol(currency) + TrimmedNumber(value / scale, 2) + suffix;
    }
    return CurrencySymbol(currency) + TrimmedNumber(value, 2);
}

std::string QualifierPrefix(const std::string& qualifier) {
    if (qualifier == "approximately") return "~";
    if (qualifier == "more-than") return "> ";
    if (qualifier == "less-than") return "< ";
    if (qualifier == "up-to") return "\u2264 ";
    return "";
}

}  // namespace

std::string FormatMoney(const Money& money) {
    std::string text = QualifierPrefix(money.qualifier) + ScaledAmount(money.currency, money.value);
    if (money.upper) text += "-" + ScaledAmount(money.currency, *money.upper);
    return text;
}

std::string FormatPercent(double percent) { return TrimmedNumber(percent, 2) + "%"; }

}  // namespace kgraph
