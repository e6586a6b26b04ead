list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/LandscapeCommands.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/NebCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/HarvestCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/HarvestCheckpoint.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/HarvestDefaults.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/HarvestTrajectories.cpp
)
