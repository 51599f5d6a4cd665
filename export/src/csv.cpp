// CSV in the shape `neo4j-admin database import` reads: typed headers
// (name:type), IDs that join the two files, labels and relationship types.
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/export.h"
#include "relation_data.h"
#include "utf8.h"

namespace kgraph {
namespace {

// RFC 4180: every field quoted, a quote doubled; line breaks stay inside
// the quotes (neo4j-admin needs --multiline-fields for them).
std::string Field(std::string_view text) {
    std::string field = "\"";
    for (char c : ValidUtf8(text)) {
        if (c == '"') field += '"';
        field += c;
    }
    return field + "\"";
}

std::string Row(const std::vector<std::string>& fields) {
    std::string row;
    for (const std::string& field : fields) row += (row.empty() ? "" : ",") + field;
    return row + "\n";
}

// "invests-in" -> "INVESTS_IN", Neo4j's convention for relationship types.
std::string RelationshipType(std::string_view predicate) {
    std::string type;
    for (char c : predicate) {
        bool alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        type += !alphanumeric ? '_' : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return type;
}

std::string NodeRow(std::string_view name, const Entity* entity) {
    std::string aliases;
    std::string label = "Entity";
    if (entity) {
        // The array delimiter of neo4j-admin is ';'; one inside an alias would split it.
        for (const std::string& alias : entity->aliases) {
            if (alias.find(';') == std::string::npos) aliases += (aliases.empty() ? "" : ";") + alias;
        }
        label += ";" + std::string(EntityTypeName(entity->type));
    }
    return Row({Field(name), Field(name), Field(aliases), Field(label)});
}

}  // namespace

std::string ToCsvNodes(const GraphModel& graph) {
    std::string text = Row({"id:ID", "name", "aliases:string[]", ":LABEL"});
    for (const Entity& entity : graph.entities) text += NodeRow(entity.name, &entity);
    for (std::string_view name : UnlistedNames(graph)) text += NodeRow(name, nullptr);
    return text;
}

std::string ToCsvRelationships(const GraphModel& graph) {
    std::vector<std::string> header = {":START_ID", ":END_ID", ":TYPE"};
    for (const DataField& field : kRelationFields) {
        header.push_back(std::string(field.name) + ":" + std::string(DataTypeName(field.type)));
    }
    std::string text = Row(header);
    for (const Relation& relation : graph.relations) {
        const DataValues values = RelationData(relation);
        std::vector<std::string> row = {Field(relation.subject), Field(relation.object),
                                        Field(RelationshipType(relation.predicate))};
        for (const DataField& field : kRelationFields) {
            std::string_view value = ValueOf(values, field.name);
            // An absent boolean is false, not null: every relation either ended or not.
            if (value.empty() && field.type == DataType::kBoolean) value = "false";
            row.push_back(value.empty() ? "" : Field(value));
        }
        text += Row(row);
    }
    return text;
}

}  // namespace kgraph
