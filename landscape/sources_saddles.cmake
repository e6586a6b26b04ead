list(APPEND GLASSLAND_LANDSCAPE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/ConfigurationSpace.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/NudgedElasticBand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/InherentStructure.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ElementaryTransitions.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Hessian.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Vineyard.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/DenseCholesky.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/LowestModes.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SaddleRefinement.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ObjectivePool.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EnvironmentKey.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EventAnalysis.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Harvester.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/MinModeSearch.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/FirstOrderCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ExpPreconditioner.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SaddleSearchRegistry.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SaddleReuse.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EventCompleteness.cpp
)
# Vineyard's dense Cholesky factorization: an AVX2+FMA variant chosen at run time
# (DenseCholesky.hpp), compiled on its own with those flags on x86-64.
# (DenseCholesky.cpp calls it where md/SimdLevel.hpp sets GLASSLAND_X86_DISPATCH: the same test.)
list(APPEND GLASSLAND_LANDSCAPE_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/DenseCholeskyAvx2.cpp)
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/DenseCholeskyAvx2.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/DenseCholeskyAvx2.cpp PROPERTIES COMPILE_OPTIONS "-mavx2;-mfma")
endif()
