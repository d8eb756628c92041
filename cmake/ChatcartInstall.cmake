# Install and export rules: headers, the static C++ libraries, the shared C
# library, chatcartConfig.cmake (+Version, SameMajorVersion) and chatcart.pc.
include(CMakePackageConfigHelpers)

set(CHATCART_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/chatcart")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/chatcart"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.h")
install(DIRECTORY "${CHATCART_PROTO_GEN_DIR}/chatcart"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.pb.h")
get_property(_chatcart_protos GLOBAL PROPERTY CHATCART_PROTO_FILES)
install(FILES ${_chatcart_protos} DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/chatcart/v1")

get_property(_chatcart_components GLOBAL PROPERTY CHATCART_COMPONENT_TARGETS)
install(TARGETS chatcart ${_chatcart_components} chatcart_c
  EXPORT chatcartTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT chatcartTargets NAMESPACE chatcart::
        DESTINATION "${CHATCART_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/chatcartConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/chatcartConfig.cmake"
  INSTALL_DESTINATION "${CHATCART_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/chatcartConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/chatcartConfig.cmake"
  "${PROJECT_BINARY_DIR}/chatcartConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/chatcartImportedDeps.cmake"
  DESTINATION "${CHATCART_INSTALL_CMAKEDIR}")

configure_file("${PROJECT_SOURCE_DIR}/cmake/chatcart.pc.in"
               "${PROJECT_BINARY_DIR}/chatcart.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/chatcart.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

if(CHATCART_BUILD_EXAMPLES)
  install(TARGETS chatcart_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
