// committed_embedder.h — the Embedder of the committed models/, loaded once
// for the embed tests (a failure to load it fails the test that asks).
#pragma once

#include <catch2/catch.hpp>

#include "embed/embedder.h"
#include "files/files.h"
#include "test_util.h"

namespace charter::testing {

inline const Embedder& CommittedEmbedder() {
  static Embedder e = [] {
    auto files = ReadModelFiles(ModelsDir());
    REQUIRE(files);
    auto emb = Embedder::Load(*files);
    REQUIRE(emb);
    return *emb;
  }();
  return e;
}

}  // namespace charter::testing
