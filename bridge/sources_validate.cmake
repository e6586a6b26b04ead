list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/ValidateCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/AkmcSide.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/CatalogRelaxation.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/EscapeComparison.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/EscapeSampler.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/EscapeStatistics.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/EscapeTable.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/QuenchedMd.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/validate/ValidationRun.cpp
)
