# One INTERFACE target carries the language standard, warnings and Qt hygiene for every ModelDesk target.
add_library(modeldesk_build INTERFACE)
target_compile_features(modeldesk_build INTERFACE cxx_std_23)
target_compile_options(modeldesk_build INTERFACE
  -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)
target_compile_definitions(modeldesk_build INTERFACE
  QT_NO_KEYWORDS                      # Qt's `slots` macro breaks the torch headers
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  MODELDESK_VERSION="${PROJECT_VERSION}")
set(CMAKE_CXX_EXTENSIONS OFF)

# LibTorch, linked PRIVATE into the few parts that use it. Its headers come in as SYSTEM so our
# warnings stay ours; a precompiled header keeps the torch translation units affordable.
add_library(modeldesk_torch INTERFACE)
target_link_libraries(modeldesk_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(modeldesk_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})

# Where tests/data/make_models.py writes the TorchScript test models (target modeldesk_test_models);
# known here so every test directory can use it whatever the order of add_subdirectory.
set(MODELDESK_TEST_MODELS_DIR "${CMAKE_BINARY_DIR}/tests/models-data")

# Adds a Qt Test executable registered with ctest.
#   modeldesk_add_test(tst_name SOURCES a.cpp ... LIBS lib ... LABELS unit ... [TIMEOUT s] [ENV K=V ...])
function(modeldesk_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  qt_add_executable(${name} ${T_SOURCES})
  set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
  target_link_libraries(${name} PRIVATE modeldesk_build Qt6::Test ${T_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MODELDESK_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;MODELDESK_CLI=$<TARGET_FILE:modeldesk-cli>;MODELDESK_TEST_MODELS=${MODELDESK_TEST_MODELS_DIR};${T_ENV}")
endfunction()
