// The Graphviz plugin (graphviz_plugin.h): DOT text in, SVG text out. Built as
// a module that only dot.cpp loads, so that Graphviz is loaded by the
// command that draws and by no other.
#include "graphviz_plugin.h"

#include <memory>
#include <string>
#include <string_view>

#include <cgraph.h>
#include <gvc.h>

namespace {

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

// The first line of Graphviz's last error.
std::string LastGraphvizError() {
    const char* text = aglasterr();
    if (!text) return "no details";
    std::string_view message(text);
    message = message.substr(0, message.find('\n'));
    return message.empty() ? "no details" : std::string(message);
}

using GraphPtr = std::unique_ptr<Agraph_t, decltype(&agclose)>;

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

int Fail(const std::string& reason, KgraphTextSink error, void* context) {
    error(context, reason.data(), reason.size());
    return 1;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int kgraph_render_svg(const char* dot, const char* engine,
                                                                         KgraphTextSink svg, KgraphTextSink error,
                                                                         void* context) {
    QuietGraphviz quiet;
    GraphPtr graph(agmemread(dot), &agclose);
    if (!graph) return Fail("Graphviz could not read the graph: " + LastGraphvizError(), error, context);
    GVC_t* gvc = SharedContext();
    if (!gvc) return Fail("Graphviz could not start: " + LastGraphvizError(), error, context);
    if (gvLayout(gvc, graph.get(), engine) != 0) {
        return Fail("Graphviz could not lay out the graph: " + LastGraphvizError(), error, context);
    }
    Layout layout(gvc, graph.get());
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph.get(), "svg", &data, &length) != 0) {
        return Fail("Graphviz could not render SVG: " + LastGraphvizError(), error, context);
    }
    svg(context, data, length);
    gvFreeRenderData(data);
    return 0;
}
