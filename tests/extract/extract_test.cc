#include "extract/extract.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace charter;

TEST_CASE("placeholder builds", "[extract]") { CHECK(true); }
