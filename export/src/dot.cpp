// DOT written as text, SVG laid out and rendered by Graphviz from that same
// text (plus the layout choices and a legend), so the DOT and the picture
// always show the same thing. Graphviz is reached through a plugin loaded
// when the first picture is drawn (graphviz_plugin.h).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <dlfcn.h>

#include "graphviz_plugin.h"
#include "kgraph/export.h"
#include "relation_data.h"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

// --- DOT text --------------------------------------------------------------

// Every ID and value in double quotes, so that any reader takes a name such as
// "Publié" or "Johnson & Johnson" as one ID (pydot splits an unquoted
// non-ASCII one). Inside quotes DOT knows one escape, \" for a quote; cgraph
// reads a backslash before the closing quote as that escape, so a text that
// ends in one gets a space after it.
std::string Quote(std::string_view text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '\\';
        quoted += c;
    }
    if (!text.empty() && text.back() == '\\') quoted += ' ';
    return quoted + '"';
}

// Text shown by Graphviz (label, tooltip) is an escString: a backslash starts
// an escape such as \n or \N, so a literal one must be doubled.
std::string EscapeLabel(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        if (c == '\\') escaped += '\\';
        escaped += c;
    }
    return escaped;
}

// For the HTML-like label of the legend.
std::string EscapeHtml(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

using Attributes = DataValues;

std::string AttributeList(const Attributes& attributes) {
    std::string text;
    for (const auto& [name, value] : attributes) {
        text += (text.empty() ? "[" : ", ") + std::string(name) + "=" + Quote(value);
    }
    return text.empty() ? "" : text + "]";
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

// What a pointer over the edge shows: the sentences that state it, a few of
// them for a relation many articles repeat.
std::string EvidenceTooltip(const Relation& relation) {
    constexpr std::size_t kShown = 3;
    std::string tooltip;
    for (std::size_t i = 0; i < relation.evidence.size() && i < kShown; ++i) {
        const Evidence& e = relation.evidence[i];
        tooltip += (i == 0 ? "" : "\\n") + EscapeLabel(e.sentence + " (" + e.source + ")");
    }
    if (relation.evidence.size() > kShown) {
        tooltip += "\\n... and " + std::to_string(relation.evidence.size() - kShown) + " more";
    }
    return tooltip;
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

struct EntityStyle {
    const char* shape;
    const char* style;
    const char* fill;
};

EntityStyle StyleOf(EntityType type) {
    switch (type) {
        case EntityType::kOrganization: return {"box", "rounded,filled", "#dbe9f6"};
        case EntityType::kPerson: return {"ellipse", "filled", "#fde9d9"};
    }
    return {"ellipse", "filled", "#eeeeee"};
}

// The node's label is its name, as an escString (see EscapeLabel); set only
// when the default (\N, the name) would read a backslash in it as an escape.
void AddNameLabel(Attributes& attributes, const std::string& name) {
    if (name.find('\\') != std::string::npos) attributes.emplace_back("label", EscapeLabel(name));
}

std::string EntityStatement(const Entity& entity) {
    const EntityStyle style = StyleOf(entity.type);
    Attributes attributes = {{"type", std::string(EntityTypeName(entity.type))}};
    AddNameLabel(attributes, entity.name);
    std::string tooltip = entity.name + " (" + std::string(EntityTypeName(entity.type)) + ")";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) tooltip += (i == 0 ? ", also " : ", ") + entity.aliases[i];
    attributes.insert(attributes.end(), {{"shape", style.shape},
                                         {"style", style.style},
                                         {"fillcolor", style.fill},
                                         {"tooltip", EscapeLabel(tooltip)}});
    return "\t" + Quote(entity.name) + " " + AttributeList(attributes) + ";\n";
}

// An entity a relation names but the model does not list: a plain node.
std::string UnlistedEntityStatement(const std::string& name) {
    Attributes attributes;
    AddNameLabel(attributes, name);
    return "\t" + Quote(name) + (attributes.empty() ? "" : " " + AttributeList(attributes)) + ";\n";
}

// Data first (what pydot or NetworkX users read), then the drawing.
std::string RelationStatement(const Relation& relation) {
    Attributes attributes = RelationData(relation);
    const std::string colour = PredicateColour(relation.predicate);
    attributes.insert(attributes.end(), {{"label", EdgeLabel(relation)},
                                         {"color", colour},
                                         {"fontcolor", colour},
                                         {"tooltip", EvidenceTooltip(relation)}});
    if (relation.ended) attributes.emplace_back("style", "dashed");
    if (IsSymmetricPredicate(relation.predicate)) attributes.emplace_back("dir", "none");
    return "\t" + Quote(relation.subject) + " -> " + Quote(relation.object) + " " + AttributeList(attributes) +
           ";\n";
}

// Defaults for every attribute some node or edge sets, declared before the
// first node: a reader declares an attribute when it first meets it, and the
// nodes before that one get an empty value (an empty label).
constexpr const char* kGraphDefaults =
    "\tgraph [charset=\"UTF-8\", fontname=\"Helvetica\"];\n"
    "\tnode [label=\"\\N\", fontname=\"Helvetica\", fontsize=\"11\", style=\"filled\", fillcolor=\"#eeeeee\"];\n"
    "\tedge [fontname=\"Helvetica\", fontsize=\"9\"];\n";

std::string GraphStatements(const GraphModel& model) {
    std::string text;
    for (const Entity& entity : model.entities) text += EntityStatement(entity);
    for (std::string_view name : UnlistedNames(model)) text += UnlistedEntityStatement(std::string(name));
    for (const Relation& relation : model.relations) text += RelationStatement(relation);
    return text;
}

// --- The picture ---------------------------------------------------------

// News graphs are hubs (the company the story is about) with spokes; a spring
// layout (neato) shows that shape, where dot's ranks spread it into a long
// strip. Straight edges: routing splines around nodes was 93% of the time of
// a 500-entity picture (minutes), and straight ones are drawn in seconds.
// Graphviz places an edge label at the middle of its edge without looking at
// the nodes; a wide separation between nodes (sep) leaves the middles clear:
// on the seeds, labels over nodes went from 8 to 2 at +20 and to 0 at +40
// (tests/svg_check.py). Components (the legend is one) are packed side by
// side.
constexpr const char* kLayoutEngine = "neato";
constexpr const char* kPictureAttributes =
    "\tgraph [overlap=\"false\", sep=\"+40\", splines=\"line\", pack=\"true\", packmode=\"array_u4\"];\n";

// The key to the picture: entity types by shape and colour, the relation
// types it shows by colour, and what a dashed edge means. An HTML-like label,
// a node of its own that packing puts beside the graph.
std::string LegendStatement(const GraphModel& model) {
    std::string rows;
    auto row = [&rows](const std::string& cell) { rows += "<tr>" + cell + "</tr>"; };
    for (EntityType type : {EntityType::kOrganization, EntityType::kPerson}) {
        const EntityStyle style = StyleOf(type);
        row("<td align=\"left\" bgcolor=\"" + std::string(style.fill) + "\"" +
            (type == EntityType::kOrganization ? " style=\"rounded\"" : "") + ">" +
            std::string(EntityTypeName(type)) + "</td>");
    }
    std::set<std::string> predicates;
    for (const Relation& relation : model.relations) predicates.insert(relation.predicate);
    for (const std::string& predicate : predicates) {
        row("<td align=\"left\"><font color=\"" + std::string(PredicateColour(predicate)) + "\">&#8594; " +
            EscapeHtml(predicate) + "</font></td>");
    }
    row("<td align=\"left\">- - -  ended</td>");
    return "\t\"kgraph-legend\" [shape=\"plaintext\", style=\"\", tooltip=\"legend\", label=<<table border=\"0\""
           " cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\"><tr><td><b>legend</b></td></tr>" +
           rows + "</table>>];\n";
}

std::string DotText(const GraphModel& model, bool picture) {
    std::string text = "digraph \"kgraph\" {\n";
    text += kGraphDefaults;
    if (picture) text += kPictureAttributes;
    text += GraphStatements(model);
    if (picture) text += LegendStatement(model);
    return text + "}\n";
}

// --- SVG -----------------------------------------------------------------

// The plugin's render function, loaded at the first picture and kept for the
// process (Graphviz's context lives in it). Looked for where it is installed
// beside the program (lib/kgraph/ next to bin/), then where this build made
// it (test programs sit elsewhere in the build tree).
Result<KgraphRenderSvg> GraphvizPlugin() {
    static const Result<KgraphRenderSvg> loaded = []() -> Result<KgraphRenderSvg> {
        std::error_code error;
        const fs::path program = fs::read_symlink("/proc/self/exe", error);
        std::string reasons;
        for (const fs::path& candidate : {program.parent_path() / ".." / "lib" / "kgraph" / kGraphvizPluginName,
                                          fs::path(KGRAPH_GRAPHVIZ_PLUGIN_BUILT)}) {
            if (void* plugin = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL)) {
                if (void* render = dlsym(plugin, kRenderSvgSymbol)) return reinterpret_cast<KgraphRenderSvg>(render);
            }
            const char* reason = dlerror();
            reasons += std::string(reasons.empty() ? "" : "; ") + (reason ? reason : candidate.string());
        }
        return Status::IOError("Graphviz is not available to draw SVG: " + reasons);
    }();
    return loaded;
}

// What the plugin gives back.
struct Rendered {
    std::string svg, error;
};
void TakeSvg(void* rendered, const char* text, std::size_t length) {
    static_cast<Rendered*>(rendered)->svg.append(text, length);
}
void TakeError(void* rendered, const char* text, std::size_t length) {
    static_cast<Rendered*>(rendered)->error.append(text, length);
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

std::string ToDot(const GraphModel& model) { return DotText(model, false); }

Result<std::string> ToSvg(const GraphModel& model) {
    if (std::size_t nodes = model.entities.size() + UnlistedNames(model).size(); nodes > kMaxPictureNodes) {
        return Status::InvalidArgument("a picture of " + std::to_string(nodes) +
                                       " entities would take Graphviz many minutes to lay out (at most " +
                                       std::to_string(kMaxPictureNodes) + ")");
    }
    Result<KgraphRenderSvg> render = GraphvizPlugin();
    if (!render.ok()) return render.status();
    Rendered rendered;
    if ((*render)(DotText(model, true).c_str(), kLayoutEngine, &TakeSvg, &TakeError, &rendered) != 0) {
        return Status::IOError(rendered.error);
    }
    return std::move(rendered.svg);
}

Status WriteSvg(const GraphModel& model, const fs::path& path) {
    if (Status status = CheckDirectoryOf(path); !status.ok()) return status;
    Result<std::string> svg = ToSvg(model);
    if (!svg.ok()) return svg.status();
    return WriteFile(path, *svg);
}

}  // namespace kgraph
