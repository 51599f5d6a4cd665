// DOT and SVG through Graphviz. One function builds the cgraph graph for both,
// so the DOT text and the picture always show the same thing.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include <cgraph.h>
#include <gvc.h>

#include "kgraph/export.h"
#include "relation_modality.h"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

// --- Talking to cgraph ---------------------------------------------------

// cgraph predates const but copies every string it is given.
char* Mutable(const char* text) { return const_cast<char*>(text); }

void SetAttribute(void* object, const char* name, const std::string& value) {
    agsafeset(object, Mutable(name), Mutable(value.c_str()), Mutable(""));
}

void DeclareDefault(Agraph_t* graph, int kind, const char* name, const char* value) {
    agattr(graph, kind, Mutable(name), Mutable(value));
}

// agwrite() writes through the graph's I/O discipline; this one appends to the
// std::string passed as the channel, so DOT never touches a file.
int AppendToString(void* channel, const char* text) {
    static_cast<std::string*>(channel)->append(text);
    return 0;
}
int FlushNothing(void*) { return 0; }

Agiodisc_t string_io = {nullptr, AppendToString, FlushNothing};
Agdisc_t string_discipline = {&AgMemDisc, &AgIdDisc, &string_io};

// Graphviz prints its errors on stderr unless the error level is raised above
// every real level; then it keeps them for aglasterr(). kgraph libraries never
// print, so every Graphviz call runs inside one of these.
class QuietGraphviz {
public:
    QuietGraphviz() : previous_(agseterr(AGMAX)) {}
    ~QuietGraphviz() { agseterr(previous_); }
    QuietGraphviz(const QuietGraphviz&) = delete;
    QuietGraphviz& operator=(const QuietGraphviz&) = delete;

private:
    agerrlevel_t previous_;
};

// The first line of Graphviz's last error, to make a one-line Status from.
std::string LastGraphvizError() {
    const char* text = aglasterr();
    if (!text) return "no details";
    std::string_view message(text);
    message = message.substr(0, message.find('\n'));
    return message.empty() ? "no details" : std::string(message);
}

using GraphPtr = std::unique_ptr<Agraph_t, decltype(&agclose)>;

constexpr const char* kLayoutEngine = "neato";

// --- What the picture shows ----------------------------------------------

// Text in a Graphviz label is an escString: a backslash starts an escape such
// as \n or \N, so a literal one must be doubled.
std::string EscapeLabel(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        if (c == '\\') escaped += '\\';
        escaped += c;
    }
    return escaped;
}

// "invests-in (planned)\n> $14B, 2025-06": the relation type, then what the
// evidence claims about it.
std::string EdgeLabel(const Relation& relation) {
    std::string head = relation.predicate;
    if (relation.ended) head += " (ended)";
    if (std::string_view modality = RelationModality(relation); !modality.empty()) {
        head += " (" + std::string(modality) + ")";
    }
    std::string details;
    auto add_detail = [&details](const std::string& detail) {
        details += (details.empty() ? "" : ", ") + detail;
    };
    if (auto amount = RelationAmount(relation)) add_detail(FormatMoney(*amount));
    if (auto percent = RelationPercent(relation)) add_detail(FormatPercent(*percent));
    if (auto date = RelationDate(relation)) add_detail(*date);
    std::string label = EscapeLabel(head);
    if (!details.empty()) label += "\\n" + EscapeLabel(details);
    return label;
}

// One fixed colour per scored relation type, so a reader learns the legend
// once; anything else is grey.
const char* PredicateColour(std::string_view predicate) {
    struct Colour { std::string_view predicate; const char* colour; };
    static constexpr Colour kColours[] = {
        {"invests-in", "#1f77b4"},  {"owns-stake", "#9467bd"}, {"customer-of", "#2ca02c"},
        {"leaves", "#d62728"},      {"competes-with", "#ff7f0e"}, {"ceo-of", "#8c564b"},
        {"founder-of", "#e377c2"},
    };
    for (const Colour& c : kColours) {
        if (c.predicate == predicate) return c.colour;
    }
    return "#7f7f7f";
}

void DeclareDefaults(Agraph_t* graph) {
    // News graphs are hubs (the company the story is about) with spokes; a
    // spring layout shows that shape, where dot's ranks spread it into a long
    // strip. Entities with no relation form small components that packing
    // tucks beside the main one. `layout` makes the `dot` program agree.
    DeclareDefault(graph, AGRAPH, "layout", kLayoutEngine);
    DeclareDefault(graph, AGRAPH, "overlap", "false");
    DeclareDefault(graph, AGRAPH, "sep", "+8");
    DeclareDefault(graph, AGRAPH, "splines", "true");
    DeclareDefault(graph, AGRAPH, "pack", "true");
    DeclareDefault(graph, AGRAPH, "packmode", "array_u4");
    DeclareDefault(graph, AGRAPH, "charset", "UTF-8");
    DeclareDefault(graph, AGRAPH, "fontname", "Helvetica");
    DeclareDefault(graph, AGNODE, "fontname", "Helvetica");
    DeclareDefault(graph, AGNODE, "fontsize", "11");
    DeclareDefault(graph, AGNODE, "style", "filled");
    DeclareDefault(graph, AGNODE, "fillcolor", "#eeeeee");
    DeclareDefault(graph, AGEDGE, "fontname", "Helvetica");
    DeclareDefault(graph, AGEDGE, "fontsize", "9");
}

// The node of an entity name, created on first use. A relation may name an
// entity the model does not list; it still gets a (plain) node.
Agnode_t* NodeFor(Agraph_t* graph, const std::string& name) {
    Agnode_t* node = agnode(graph, Mutable(name.c_str()), 1);
    // The default label shows the node name, but read as an escString, which
    // would turn a backslash in the name into an escape.
    if (name.find('\\') != std::string::npos) SetAttribute(node, "label", EscapeLabel(name));
    return node;
}

void AddEntity(Agraph_t* graph, const Entity& entity) {
    Agnode_t* node = NodeFor(graph, entity.name);
    switch (entity.type) {
        case EntityType::kOrganization:
            SetAttribute(node, "shape", "box");
            SetAttribute(node, "style", "rounded,filled");
            SetAttribute(node, "fillcolor", "#dbe9f6");
            break;
        case EntityType::kPerson:
            SetAttribute(node, "shape", "ellipse");
            SetAttribute(node, "fillcolor", "#fde9d9");
            break;
    }
}

void AddRelation(Agraph_t* graph, const Relation& relation) {
    Agnode_t* subject = NodeFor(graph, relation.subject);
    Agnode_t* object = NodeFor(graph, relation.object);
    // Anonymous edges in a non-strict graph: each relation gets its own, even
    // between the same two entities.
    Agedge_t* edge = agedge(graph, subject, object, nullptr, 1);
    const std::string colour = PredicateColour(relation.predicate);
    SetAttribute(edge, "label", EdgeLabel(relation));
    SetAttribute(edge, "color", colour);
    SetAttribute(edge, "fontcolor", colour);
    if (relation.ended) SetAttribute(edge, "style", "dashed");
    if (IsSymmetricPredicate(relation.predicate)) SetAttribute(edge, "dir", "none");
}

Result<GraphPtr> BuildGraph(const GraphModel& model) {
    GraphPtr graph(agopen(Mutable("kgraph"), Agdirected, &string_discipline), &agclose);
    if (!graph) return Status::IOError("Graphviz could not create a graph: " + LastGraphvizError());
    DeclareDefaults(graph.get());
    for (const Entity& entity : model.entities) AddEntity(graph.get(), entity);
    for (const Relation& relation : model.relations) AddRelation(graph.get(), relation);
    return graph;
}

// --- SVG -----------------------------------------------------------------

// One context for the whole process, never freed. Graphviz 2.42's pango
// plugin caches a pointer to a font name that the context owns, so laying out
// with a second context after gvFreeContext() reads freed memory (AddressSanitizer
// shows it as soon as WriteSvg runs twice in one process).
GVC_t* SharedContext() {
    static GVC_t* const context = gvContext();
    return context;
}

// A laid-out graph holds layout data that must be freed before the graph.
class Layout {
public:
    Layout(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
    ~Layout() { gvFreeLayout(context_, graph_); }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

private:
    GVC_t* context_;
    Agraph_t* graph_;
};

Result<std::string> RenderSvg(Agraph_t* graph) {
    GVC_t* context = SharedContext();
    if (!context) return Status::IOError("Graphviz could not start: " + LastGraphvizError());
    if (gvLayout(context, graph, kLayoutEngine) != 0) {
        return Status::IOError("Graphviz could not lay out the graph: " + LastGraphvizError());
    }
    Layout layout(context, graph);
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(context, graph, "svg", &data, &length) != 0) {
        return Status::IOError("Graphviz could not render SVG: " + LastGraphvizError());
    }
    std::string svg(data, length);
    gvFreeRenderData(data);
    return svg;
}

// Checked before the (slow) layout, and because "directory does not exist" is
// clearer than what fopen's errno says about it.
Status CheckDirectoryOf(const fs::path& path) {
    fs::path directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code error;
    if (fs::is_directory(directory, error)) return Status::Ok();
    if (fs::exists(directory, error)) {
        return Status::IOError("cannot write " + path.string() + ": " + directory.string() + " is not a directory");
    }
    return Status::NotFound("cannot write " + path.string() + ": directory " + directory.string() +
                            " does not exist");
}

// Written by kgraph rather than by gvRenderFilename(), which reports a failed
// open only on stderr.
Status WriteFile(const fs::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return Status::IOError("cannot write " + path.string() + ": " + std::strerror(errno));
    bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    int error = errno;
    bool closed = std::fclose(file) == 0;  // a full disk may only show here
    if (written && !closed) error = errno;
    if (!written || !closed) return Status::IOError("cannot write " + path.string() + ": " + std::strerror(error));
    return Status::Ok();
}

}  // namespace

Result<std::string> ToDot(const GraphModel& model) {
    QuietGraphviz quiet;
    Result<GraphPtr> graph = BuildGraph(model);
    if (!graph.ok()) return graph.status();
    std::string dot;
    if (agwrite(graph->get(), &dot) == EOF) {
        return Status::IOError("Graphviz could not write the graph as DOT: " + LastGraphvizError());
    }
    return dot;
}

Status WriteSvg(const GraphModel& model, const fs::path& path) {
    if (Status status = CheckDirectoryOf(path); !status.ok()) return status;
    QuietGraphviz quiet;
    Result<GraphPtr> graph = BuildGraph(model);
    if (!graph.ok()) return graph.status();
    Result<std::string> svg = RenderSvg(graph->get());
    if (!svg.ok()) return svg.status();
    return WriteFile(path, *svg);
}

}  // namespace kgraph
