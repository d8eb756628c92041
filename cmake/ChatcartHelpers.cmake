# Small helpers named after the pattern (Abseil's absl_cc_library, leveldb's
# leveldb_test): every component library and test is declared the same way.

set(CHATCART_COMMON_WARNINGS -Wall -Wextra -Wno-unused-parameter)

if(CHATCART_SANITIZE)
  set(CHATCART_SANITIZER_FLAGS
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${CHATCART_SANITIZER_FLAGS})
  add_link_options(${CHATCART_SANITIZER_FLAGS})
endif()
# libFuzzer (scripts/fuzz.sh, tests/fuzz/CMakeLists.txt): every library
# instrumented for coverage, ASan and UBSan; the targets link -fsanitize=fuzzer.
if(CHATCART_LIBFUZZER)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CHATCART_LIBFUZZER needs clang (libFuzzer); configure with "
      "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14, as scripts/fuzz.sh does "
      "(this one is ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER})")
  endif()
  if(CHATCART_SANITIZE OR CHATCART_SANITIZE_THREAD)
    message(FATAL_ERROR "CHATCART_LIBFUZZER already sanitizes (ASan + UBSan): "
      "leave CHATCART_SANITIZE and CHATCART_SANITIZE_THREAD off")
  endif()
  set(CHATCART_SANITIZER_FLAGS
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(-fsanitize=fuzzer-no-link ${CHATCART_SANITIZER_FLAGS})
  add_link_options(${CHATCART_SANITIZER_FLAGS})
endif()
# ThreadSanitizer (scripts/test.sh builds only engine_stress_test with it):
# Debian's Abseil, protobuf and ICU are not instrumented, so code that
# synchronizes only through them can be reported; tests/tsan.supp says what
# is suppressed and why.
if(CHATCART_SANITIZE_THREAD)
  if(CHATCART_SANITIZE)
    message(FATAL_ERROR "CHATCART_SANITIZE and CHATCART_SANITIZE_THREAD cannot be combined")
  endif()
  set(CHATCART_SANITIZER_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
  # __SANITIZE_THREAD__ changes the layout of protobuf's MapFieldBase (two
  # counters it adds for TSan), so code compiled with it and Debian's
  # libprotobuf disagree on every map field's offsets: Engine::Create
  # crashed parsing the first map. Without the macro, the headers take
  # libprotobuf's layout; TSan still instruments every access.
  add_compile_options(${CHATCART_SANITIZER_FLAGS} -U__SANITIZE_THREAD__)
  # Debian's Abseil is not instrumented either: common/mutex.h tells TSan
  # about absl::Mutex's acquire and release when this is defined.
  add_compile_definitions(CHATCART_TSAN=1)
  add_link_options(${CHATCART_SANITIZER_FLAGS})
endif()

# chatcart_cc_library(NAME cart SRCS a.cc ... DEPS chatcart::money absl::status ...)
# defines the static library chatcart_<NAME>, alias chatcart::<NAME>, part of
# chatcart::chatcart and of the install export set. lib/ is the private include
# root ("cart/pricing.h"), on each component's own include path only, so a
# face (CLI, Python, C API, a host) that includes lib/ does not compile;
# include/ is the public one ("chatcart/cart.h"). Which component may include
# which is docs/ARCHITECTURE.md's table, checked by ctest `layering`.
function(chatcart_cc_library)
  cmake_parse_arguments(CC "" "NAME" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  set(_target chatcart_${CC_NAME})
  add_library(${_target} STATIC ${CC_SRCS})
  add_library(chatcart::${CC_NAME} ALIAS ${_target})
  target_compile_features(${_target} PUBLIC cxx_std_20)
  target_compile_options(${_target} PRIVATE ${CHATCART_COMMON_WARNINGS})
  target_include_directories(${_target}
    PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(${_target} PUBLIC ${CC_DEPS} PRIVATE ${CC_PRIVATE_DEPS})
  set_target_properties(${_target} PROPERTIES EXPORT_NAME ${CC_NAME})
  set_property(GLOBAL APPEND PROPERTY CHATCART_COMPONENT_TARGETS ${_target})
endfunction()

# chatcart_cc_test(NAME cart_test SRCS cart_test.cc DEPS chatcart::cart [DATA])
# builds a GoogleTest binary and registers its tests with ctest. Tests find the
# shared data sets through CHATCART_DATA_DIR (compiled in, overridable by the
# environment variable of the same name) and skip when they are absent.
function(chatcart_cc_test)
  cmake_parse_arguments(CC "" "NAME" "SRCS;DEPS" ${ARGN})
  if(NOT CHATCART_BUILD_TESTS)
    return()
  endif()
  add_executable(${CC_NAME} ${CC_SRCS})
  target_compile_options(${CC_NAME} PRIVATE ${CHATCART_COMMON_WARNINGS})
  target_compile_definitions(${CC_NAME} PRIVATE
    CHATCART_DATA_DIR="${CHATCART_DATA_DIR}"
    CHATCART_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_link_libraries(${CC_NAME} PRIVATE ${CC_DEPS} chatcart_testing GTest::gmock_main)
  set_target_properties(${CC_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  gtest_discover_tests(${CC_NAME} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CHATCART_DATA_DIR=${CHATCART_DATA_DIR}")
endfunction()
