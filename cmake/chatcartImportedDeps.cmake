# Imported targets for the dependencies that ship no CMake package on Debian 12
# (RE2 and hiredis have only pkg-config; libstemmer has neither). Used by the
# build and by the installed chatcartConfig.cmake, so both name them alike.
if(NOT TARGET re2::re2)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(re2::re2 INTERFACE IMPORTED)
  target_link_libraries(re2::re2 INTERFACE PkgConfig::RE2)
endif()
if(NOT TARGET chatcart_deps::stemmer)
  find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
  find_library(STEMMER_LIBRARY stemmer REQUIRED)
  add_library(chatcart_deps::stemmer UNKNOWN IMPORTED)
  set_target_properties(chatcart_deps::stemmer PROPERTIES
    IMPORTED_LOCATION "${STEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")
endif()
if(NOT TARGET chatcart_deps::hiredis)
  # hiredis's own CMake config on Debian 12 makes no target; its .pc does.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
  add_library(chatcart_deps::hiredis INTERFACE IMPORTED)
  target_link_libraries(chatcart_deps::hiredis INTERFACE PkgConfig::HIREDIS)
endif()
