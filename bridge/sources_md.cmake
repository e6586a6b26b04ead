list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/MdCommands.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/MdRunCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/QuenchCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/AnalyzeCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/EvalCommand.cpp
)
# shear and dma: MD under an imposed shear strain (and their shared set-up).
list(APPEND GLASSLAND_BRIDGE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/StrainedMdSetup.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/ShearCommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/DmaCommand.cpp
)
