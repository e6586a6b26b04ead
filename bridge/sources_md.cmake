list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/MdCommands.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/MdRunCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/QuenchCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/AnalyzeCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/EvalCommand.cpp
)
# shear and dma: MD under an imposed shear strain (and their shared set-up).
list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/StrainedMdSetup.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ShearCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/DmaCommand.cpp
)
