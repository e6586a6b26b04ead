list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/TemperatureSchedule.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Thermo.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/PairDistribution.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/MeanSquaredDisplacement.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/SelfIntermediateScattering.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/Integrator.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/IntegratorRegistry.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/VelocityVerlet.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/NoseHooverChain.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/NoseHooverNvt.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/LangevinBaoab.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/MtkNpt.cpp
)
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/InherentStructure.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/TwoLineFit.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ScheduleRunner.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/LinearQuench.cpp
)
