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
# MD under an imposed simple shear (glassland shear / dma) and the fits of its stress response.
list(APPEND GLASSLAND_MD_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/SimpleShear.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ShearDrivenDynamics.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/StrainResponseFit.cpp
)
