list(APPEND GLASSLAND_KMC_SOURCES
)
list(APPEND GLASSLAND_KMC_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ModelParameters.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/NormalQuantiles.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/StressCycle.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/LandscapeModel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/LandscapeSample.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/MasterEquationSample.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/KmcSample.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/TnmSample.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ScheduleRunner.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/Analysis.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/Dsc.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/Mechanical.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/Creep.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/TomlFields.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/CatalogSpectra.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ModelConfig.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/Protocol.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ProtocolRegistry.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ThermalSteps.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/InstrumentSteps.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/FitTargets.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/ModelFit.cpp
)
