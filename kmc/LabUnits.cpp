// kmc placeholder translation unit until engine sources land
#include "kmc/LabUnits.hpp"
