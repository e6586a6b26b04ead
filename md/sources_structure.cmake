# md-structure: structural analyses that need a third-party geometry library (voro++).
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/VoronoiIndex.cpp
)
