// The interface between kgraph_export and its Graphviz plugin,
// libkgraph_graphviz.so (graphviz_plugin.cpp). Laying out and rendering a
// picture is kgraph's only use of Graphviz, and `export --format svg` the only
// command that draws one; linked into the program, Graphviz's seven shared
// libraries were loaded and relocated at the start of every command (a query
// included). As a plugin they are loaded by the first picture only
// (dlopen, in dot.cpp). A C interface: nothing but bytes crosses it.
#pragma once

#include <cstddef>

extern "C" {

// Receives text: the SVG, or the one-line reason rendering failed.
typedef void (*KgraphTextSink)(void* context, const char* text, std::size_t length);

// Lays `dot` (NUL-terminated DOT text) out with `engine` and renders it as
// SVG, given to `svg`; 0 when done, else the reason is given to `error`.
// Not thread-safe (Graphviz keeps global state).
typedef int (*KgraphRenderSvg)(const char* dot, const char* engine, KgraphTextSink svg, KgraphTextSink error,
                               void* context);
}

namespace kgraph {

inline constexpr const char* kRenderSvgSymbol = "kgraph_render_svg";
// Where the plugin is installed, relative to the folder of the program
// (bin/ -> lib/kgraph/); the build tree puts it at the same place.
inline constexpr const char* kGraphvizPluginName = "libkgraph_graphviz.so";

}  // namespace kgraph
