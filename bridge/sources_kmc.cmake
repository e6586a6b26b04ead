list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/KmcCommands.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/ThermalSchedule.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/CatalogCommands.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/CatalogExport.cpp
)
