# Unity builds (-DCMAKE_UNITY_BUILD=ON: several .cpp files of a target compiled as one) cut the
# sanitized build of tools/sanitize.sh roughly in half: most of its compile time is parsing the same
# Eigen / fmt / JSON / TOML headers again for every file. Files whose internal names (anonymous
# namespace, static) repeat another file's of the same target cannot share a batch; they are
# compiled on their own. A sanitized build failing with "redefinition of 'x'" in a Unity/unity_N_cxx.cxx
# means a new such pair: give one of the names a file-specific spelling or add the file here.
# Found with -DCMAKE_UNITY_BUILD_BATCH_SIZE=0 (one batch per target: every pair meets).
set(GLASSLAND_UNITY_SEPARATE
  landscape/SaddleReuse.cpp        # separation (EnvironmentKey.cpp)
  kmc/Thinning.cpp                 # kInfinity
  kmc/Walker.cpp                   # kInfinity
  kmc/model/ModelConfig.cpp        # kGas
  tests/kmc/TestThinning.cpp       # antiderivative
  tests/model/TestModelFit.cpp     # kModel
  tests/faults/TestKillFolders.cpp # kGlass
)
foreach(file IN LISTS GLASSLAND_UNITY_SEPARATE)
  get_filename_component(dir "${PROJECT_SOURCE_DIR}/${file}" DIRECTORY)
  set_source_files_properties("${PROJECT_SOURCE_DIR}/${file}" DIRECTORY "${dir}"
                              PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endforeach()
