# On-the-fly (adaptive) kMC: event tables, rates and time on the growing catalog, checkpoints,
# MPI/OpenMP distribution of searches, and the `glassland akmc` command.
list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/AkmcCheckpoint.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/AkmcDefaults.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/AkmcOutputs.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/AkmcRun.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/Distributed.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/EventTable.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/EventTableBuilder.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/Kinetics.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/MinimumHessians.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/PrefactorRegion.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/Prefactors.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/Ranks.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/SaddleSearcher.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/SearchCodec.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/StateExplorer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/Surface.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/akmc/TopologyReuse.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/AkmcCommand.cpp
)
