# md-structure: structural analyses that need a third-party geometry library (voro++).
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/VoronoiIndex.cpp
)
# Icosahedral short- and medium-range order: <0,0,12,0> centres and their network (Boost.Graph).
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/IcosahedralNetwork.cpp
)
