#include "kgraph/status.h"

namespace kgraph {

std::string Status::ToString() const {
    const char* prefix = "";
    switch (code_) {
        case Code::kOk: return "ok";
        case Code::kNotFound: prefix = "not found: "; break;
        case Code::kInvalidArgument: prefix = "invalid argument: "; break;
        case Code::kIOError: prefix = "I/O error: "; break;
        case Code::kCorruption: prefix = "corruption: "; break;
        case Code::kBusy: prefix = "busy: "; break;
        case Code::kVersionMismatch: prefix = "version mismatch: "; break;
        case Code::kInterrupted: prefix = "interrupted: "; break;
    }
    return prefix + message_;
}

}  // namespace kgraph
