list(APPEND GLASSLAND_LANDSCAPE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/ConfigurationSpace.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/NudgedElasticBand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/InherentStructure.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ElementaryTransitions.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Hessian.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Vineyard.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/LowestModes.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SaddleRefinement.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ObjectivePool.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EnvironmentKey.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EventAnalysis.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Harvester.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/MinModeSearch.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EventCompleteness.cpp
)
