# Every command starts by loading and relocating the shared libraries the
# program is linked with. ICU, libxml2, libstdc++ and four compression
# libraries were 3 of the 7 ms of CPU that `kgraph --version` takes, more
# than a query reads (docs/benchmarks.md, "Start-up"). Debian ships their
# static archives (libicu-dev, libxml2-dev, libsnappy-dev, zlib1g-dev,
# libbz2-dev, liblz4-dev, libzstd-dev, liblzma-dev, libstdc++-12-dev), so the
# programs link those and load only libc and libm; Graphviz, which only
# `export --format svg` needs, is a plugin (export/CMakeLists.txt).
#
# The imported targets that find_package() made for the shared libraries
# are pointed at the archives, with the dependencies an archive does not
# record. Sanitizer and fuzzing builds keep the shared libraries (their
# runtimes replace operator new in libstdc++.so).

function(kgraph_archive out name)
  find_library(KGRAPH_ARCHIVE_${name} NAMES lib${name}.a REQUIRED)
  set(${out} ${KGRAPH_ARCHIVE_${name}} PARENT_SCOPE)
endfunction()

# `target` links `archive` and then `dependencies`, in every configuration.
function(kgraph_point_at_archive target archive)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${archive} INTERFACE_LINK_LIBRARIES "${ARGN}")
  get_target_property(configurations ${target} IMPORTED_CONFIGURATIONS)
  foreach(configuration IN LISTS configurations ITEMS RELEASE DEBUG)
    set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION_${configuration})
  endforeach()
  set_property(TARGET ${target} PROPERTY IMPORTED_CONFIGURATIONS)
endfunction()

function(kgraph_link_static_archives)
  find_package(Threads REQUIRED)
  foreach(name icudata icuuc icui18n xml2 lzma z bz2 snappy lz4 zstd)
    kgraph_archive(${name} ${name})
  endforeach()
  kgraph_point_at_archive(ICU::uc ${icuuc} ${icudata} Threads::Threads ${CMAKE_DL_LIBS} m)
  kgraph_point_at_archive(ICU::i18n ${icui18n} ICU::uc)
  kgraph_point_at_archive(ZLIB::ZLIB ${z})
  kgraph_point_at_archive(Snappy::snappy ${snappy})
  kgraph_point_at_archive(lz4::lz4 ${lz4})
  kgraph_point_at_archive(zstd::zstd ${zstd})
  # pkg-config --static libxml-2.0: -lxml2 -licui18n -licuuc -licudata -lz -llzma -lm
  add_library(kgraph_xml2_archive UNKNOWN IMPORTED GLOBAL)
  kgraph_point_at_archive(kgraph_xml2_archive ${xml2} ICU::i18n ZLIB::ZLIB ${lzma} m)
  set_target_properties(PkgConfig::LIBXML2 PROPERTIES INTERFACE_LINK_LIBRARIES kgraph_xml2_archive)
  # RocksDB's own target names bzip2 by the path of its shared library, and
  # gflags, which only RocksDB's tools use.
  get_target_property(rocksdb_dependencies RocksDB::rocksdb INTERFACE_LINK_LIBRARIES)
  list(TRANSFORM rocksdb_dependencies REPLACE ".*/libbz2\\.so$" ${bz2})
  list(FILTER rocksdb_dependencies EXCLUDE REGEX "gflags")
  set_target_properties(RocksDB::rocksdb PROPERTIES INTERFACE_LINK_LIBRARIES "${rocksdb_dependencies}")
  string(APPEND CMAKE_EXE_LINKER_FLAGS " -static-libstdc++ -static-libgcc")
  set(CMAKE_EXE_LINKER_FLAGS ${CMAKE_EXE_LINKER_FLAGS} PARENT_SCOPE)
endfunction()

option(KGRAPH_STATIC_ARCHIVES "Link the Debian static archives of ICU, libxml2, libstdc++ and the compression libraries" ON)
if(KGRAPH_STATIC_ARCHIVES AND NOT KGRAPH_SANITIZE AND NOT KGRAPH_FUZZ)
  kgraph_link_static_archives()
endif()
