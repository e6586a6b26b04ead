# md-core: system and box, pair potentials and presets, neighbour lists, the force loop, I/O.
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/AtomicFile.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/AtomicFolder.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/FaultInjection.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Box.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/PairPotential.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/PairStyleTable.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SimdLevel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EamSetfl.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EamPotential.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EamKernel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/PotentialRegistry.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/PotentialToml.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/NeighborList.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ForceCompute.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/BlockHessian.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SystemObjective.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/LammpsData.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/DumpWriter.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/RandomLiquid.cpp
)
