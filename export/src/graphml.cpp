// GraphML: the graph with typed attributes, for Gephi, Cytoscape and NetworkX.
#include <sstream>
#include <string>
#include <string_view>

#include "kgraph/export.h"
#include "relation_data.h"
#include "utf8.h"

namespace kgraph {
namespace {

// Escaped for XML text and attribute values. XML 1.0 allows no control
// characters but tab, newline and carriage return.
std::string Xml(std::string_view text) {
    std::string escaped;
    for (char c : ValidUtf8(text)) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    escaped += "\xEF\xBF\xBD";
                } else {
                    escaped += c;
                }
        }
    }
    return escaped;
}

// Key ids are the attribute names: a reader that ignores attr.name still
// shows something meaningful.
std::string Key(std::string_view domain, std::string_view name, DataType type) {
    return "  <key id=\"" + std::string(name) + "\" for=\"" + std::string(domain) + "\" attr.name=\"" +
           std::string(name) + "\" attr.type=\"" + std::string(DataTypeName(type)) + "\"/>\n";
}

std::string Data(std::string_view key, std::string_view value) {
    return "      <data key=\"" + std::string(key) + "\">" + Xml(value) + "</data>\n";
}

std::string Keys() {
    std::string keys = Key("node", "name", DataType::kString) + Key("node", "type", DataType::kString) +
                       Key("node", "aliases", DataType::kString);
    for (const DataField& field : kRelationFields) keys += Key("edge", field.name, field.type);
    return keys + Key("edge", "symmetric", DataType::kBoolean) + Key("edge", "sentence", DataType::kString) +
           Key("edge", "source", DataType::kString);
}

std::string Node(std::string_view name, const Entity* entity) {
    std::string node = "    <node id=\"" + Xml(name) + "\">\n" + Data("name", name);
    if (entity) {
        node += Data("type", EntityTypeName(entity->type));
        std::string aliases;
        for (const std::string& alias : entity->aliases) aliases += (aliases.empty() ? "" : "; ") + alias;
        if (!aliases.empty()) node += Data("aliases", aliases);
    }
    return node + "    </node>\n";
}

// The sentence a reader should see first: the most confident one.
const Evidence* BestEvidence(const Relation& relation) {
    const Evidence* best = nullptr;
    for (const Evidence& e : relation.evidence) {
        if (!best || e.confidence > best->confidence) best = &e;
    }
    return best;
}

std::string Edge(const Relation& relation, std::size_t index) {
    std::string edge = "    <edge id=\"e" + std::to_string(index) + "\" source=\"" + Xml(relation.subject) +
                       "\" target=\"" + Xml(relation.object) + "\">\n";
    for (const auto& [name, value] : RelationData(relation)) edge += Data(name, value);
    if (IsSymmetricPredicate(relation.predicate)) edge += Data("symmetric", "true");
    if (const Evidence* best = BestEvidence(relation)) edge += Data("sentence", best->sentence) + Data("source", best->source);
    return edge + "    </edge>\n";
}

}  // namespace

GraphMlWriter::GraphMlWriter(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         << Keys() << "  <graph id=\"kgraph\" edgedefault=\"directed\">\n";
}

void GraphMlWriter::AddEntity(const Entity& entity) { out_ << Node(entity.name, &entity); }

void GraphMlWriter::AddUnlistedEntity(std::string_view name) { out_ << Node(name, nullptr); }

void GraphMlWriter::AddRelation(const Relation& relation) { out_ << Edge(relation, edges_++); }

void GraphMlWriter::Finish() { out_ << "  </graph>\n</graphml>\n"; }

std::string ToGraphMl(const GraphModel& graph) {
    std::ostringstream out;
    GraphMlWriter writer(out);
    for (const Entity& entity : graph.entities) writer.AddEntity(entity);
    for (std::string_view name : UnlistedNames(graph)) writer.AddUnlistedEntity(name);
    for (const Relation& relation : graph.relations) writer.AddRelation(relation);
    writer.Finish();
    return std::move(out).str();
}

}  // namespace kgraph
