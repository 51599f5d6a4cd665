#include "completion.h"

#include <sstream>
#include <vector>

namespace kgraph::cli {
namespace {

struct Flag {
    std::string name;  // --rel, -o
    std::string description;
    bool takes_value = false;
};

std::vector<Flag> FlagsOf(const CLI::App& app) {
    std::vector<Flag> flags;
    for (const CLI::Option* option : app.get_options()) {
        if (!option->nonpositional()) continue;
        const bool takes_value = option->get_items_expected_min() > 0;
        for (const std::string& name : option->get_lnames()) flags.push_back({"--" + name, option->get_description(), takes_value});
        for (const std::string& name : option->get_snames()) flags.push_back({"-" + name, option->get_description(), takes_value});
    }
    return flags;
}

std::vector<const CLI::App*> CommandsOf(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* command) { return !command->get_name().empty(); });
}

std::string Words(const std::vector<Flag>& flags) {
    std::string words;
    for (const Flag& flag : flags) words += (words.empty() ? "" : " ") + flag.name;
    return words;
}

// Option names after which the next word is the option's value, not a command.
std::string ValueOptionsPattern(const CLI::App& app) {
    std::string pattern;
    for (const Flag& flag : FlagsOf(app)) {
        if (flag.takes_value) pattern += (pattern.empty() ? "" : "|") + flag.name;
    }
    return pattern.empty() ? "--no-such-option" : pattern;
}

std::string Bash(const CLI::App& app) {
    std::ostringstream out;
    std::string commands;
    for (const CLI::App* command : CommandsOf(app)) commands += " " + command->get_name();
    out << "# bash completion for kgraph: source it, or install it as bash-completion/completions/kgraph\n"
        << "_kgraph() {\n"
        << "    local cur=${COMP_WORDS[COMP_CWORD]} command=\"\" i\n"
        << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "        case ${COMP_WORDS[i]} in\n"
        << "            " << ValueOptionsPattern(app) << ") ((i++)) ;;\n"
        << "            -*) ;;\n"
        << "            *) command=${COMP_WORDS[i]}; break ;;\n"
        << "        esac\n"
        << "    done\n"
        << "    local words\n"
        << "    case $command in\n"
        << "        \"\") words=\"" << Words(FlagsOf(app)) << commands << "\" ;;\n";
    for (const CLI::App* command : CommandsOf(app)) {
        out << "        " << command->get_name() << ") words=\"" << Words(FlagsOf(*command)) << "\" ;;\n";
    }
    out << "    esac\n"
        << "    # Words that are not options fall back to file names (complete -o default).\n"
        << "    if [[ -z $command || $cur == -* ]]; then COMPREPLY=($(compgen -W \"$words\" -- \"$cur\")); fi\n"
        << "}\n"
        << "complete -o default -F _kgraph kgraph\n";
    return out.str();
}

// zsh's _arguments and _describe specs put descriptions in [...] and after ':'.
std::string ZshText(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '[' || c == ']' || c == ':' || c == '\'' || c == '\\') continue;
        out += c;
    }
    return out;
}

std::string Zsh(const CLI::App& app) {
    std::ostringstream out;
    out << "#compdef kgraph\n"
        << "# zsh completion for kgraph: install it as _kgraph in a folder on $fpath\n"
        << "_kgraph() {\n"
        << "    local -a commands\n"
        << "    commands=(\n";
    for (const CLI::App* command : CommandsOf(app)) {
        out << "        '" << command->get_name() << ":" << ZshText(command->get_description()) << "'\n";
    }
    out << "    )\n"
        << "    if (( CURRENT == 2 )); then\n"
        << "        _describe 'command' commands\n"
        << "        return\n"
        << "    fi\n"
        << "    case ${words[2]} in\n";
    for (const CLI::App* command : CommandsOf(app)) {
        out << "        " << command->get_name() << ")\n            _arguments";
        for (const Flag& flag : FlagsOf(*command)) {
            out << " \\\n                '" << flag.name << "[" << ZshText(flag.description) << "]"
                << (flag.takes_value ? ":value:_files" : "") << "'";
        }
        out << " \\\n                '*:file:_files' ;;\n";
    }
    out << "    esac\n"
        << "}\n"
        << "_kgraph \"$@\"\n";
    return out.str();
}

}  // namespace

std::string CompletionScript(const CLI::App& app, std::string_view shell) { return shell == "zsh" ? Zsh(app) : Bash(app); }

}  // namespace kgraph::cli
