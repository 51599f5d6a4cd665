// An allocator for the weight tables' large arrays that asks Linux for
// 2 MiB pages. The parser reads its ~20 MB of rows and index slots at
// random, a few dozen places per move: with 4 KiB pages nearly every one of
// those reads also misses the TLB and walks the page table, and the kernel
// gives huge pages only to memory advised for them (transparent huge pages
// in their default "madvise" mode). Small arrays get ordinary memory.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kgraph::nlp {

template <typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) {}

    T* allocate(std::size_t n) {
        if (!Huge(n)) return std::allocator<T>().allocate(n);
        const std::size_t bytes = Rounded(n);
        void* memory = std::aligned_alloc(kHugePage, bytes);
        if (memory == nullptr) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
        madvise(memory, bytes, MADV_HUGEPAGE);  // advice: without it the table still works
#endif
        return static_cast<T*>(memory);
    }

    void deallocate(T* memory, std::size_t n) {
        if (!Huge(n)) return std::allocator<T>().deallocate(memory, n);
        std::free(memory);
    }

    friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
    friend bool operator!=(const HugePageAllocator&, const HugePageAllocator&) { return false; }

private:
    static bool Huge(std::size_t n) { return n * sizeof(T) >= kHugePage; }
    static std::size_t Rounded(std::size_t n) { return (n * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage; }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace kgraph::nlp
