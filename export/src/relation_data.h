// Internal to export/: the data of an entity and of a relation as the
// attribute-table formats (DOT attributes, GraphML keys, CSV columns) carry
// it, defined once so that the three name and type each value alike.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal.h"
#include "kgraph/model.h"
#include "relation_modality.h"

namespace kgraph {

enum class DataType { kString, kDouble, kBoolean, kInt };

// The type's name in GraphML's attr.type and in neo4j-admin's CSV headers,
// which spell these four alike.
inline std::string_view DataTypeName(DataType type) {
    switch (type) {
        case DataType::kString: return "string";
        case DataType::kDouble: return "double";
        case DataType::kBoolean: return "boolean";
        case DataType::kInt: return "int";
    }
    return "string";
}

struct DataField {
    std::string_view name;
    DataType type;
};

// Every field a relation may have, in output order.
inline constexpr DataField kRelationFields[] = {
    {"predicate", DataType::kString}, {"amount", DataType::kDouble},   {"currency", DataType::kString},
    {"percent", DataType::kDouble},   {"date", DataType::kString},     {"confidence", DataType::kDouble},
    {"ended", DataType::kBoolean},    {"modality", DataType::kString}, {"evidence", DataType::kInt},
};

using DataValues = std::vector<std::pair<std::string_view, std::string>>;

// The fields of kRelationFields this relation has a value for, in that order:
// its summaries (see model.h), `ended` only when true, the modality only when
// hedged, and the number of evidence sentences.
inline DataValues RelationData(const Relation& relation) {
    DataValues values = {{"predicate", relation.predicate}};
    if (auto amount = RelationAmount(relation)) {
        values.emplace_back("amount", DecimalText(amount->value));
        values.emplace_back("currency", amount->currency);
    }
    if (auto percent = RelationPercent(relation)) values.emplace_back("percent", DecimalText(*percent));
    if (auto date = RelationDate(relation)) values.emplace_back("date", *date);
    values.emplace_back("confidence", DecimalText(RelationConfidence(relation)));
    if (relation.ended) values.emplace_back("ended", "true");
    if (std::string_view modality = RelationModality(relation); !modality.empty()) {
        values.emplace_back("modality", std::string(modality));
    }
    values.emplace_back("evidence", std::to_string(relation.evidence.size()));
    return values;
}

// Names that relations give but the model does not list as entities, sorted:
// they still get a node, with no type.
inline std::vector<std::string_view> UnlistedNames(const GraphModel& graph) {
    std::vector<std::string_view> names;
    for (const Relation& relation : graph.relations) {
        for (const std::string* name : {&relation.subject, &relation.object}) {
            if (!graph.FindEntity(*name)) names.push_back(*name);
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// The value of `field` in `values`, or "" when the relation has none.
inline std::string_view ValueOf(const DataValues& values, std::string_view field) {
    for (const auto& [name, value] : values) {
        if (name == field) return value;
    }
    return {};
}

}  // namespace kgraph
