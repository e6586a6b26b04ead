"""Catalog arrays round-trip through files; merge, import and the networkx view agree with the
command line and with the arrays they came from."""
import json
import os

import networkx as nx
import numpy as np
import pytest

import glassland
from conftest import SOURCE_DIR, json_of

FIVE_STATE = os.path.join(SOURCE_DIR, "examples", "kmc", "five_state.json")


def random_network(seed, n=40, m=90):
    rng = np.random.default_rng(seed)
    energy = rng.normal(0.0, 0.3, n)
    pairs = set()
    while len(pairs) < m:
        a, b = rng.integers(0, n, 2)
        if a != b:
            pairs.add((int(min(a, b)), int(max(a, b))))
    pairs = np.array(sorted(pairs))
    saddle = np.maximum(energy[pairs[:, 0]], energy[pairs[:, 1]]) + rng.uniform(0.1, 1.0, m)
    minima = {"id": np.arange(n) * 3 + 5, "energy": energy, "volume": rng.uniform(100, 110, n)}
    saddles = {"from": minima["id"][pairs[:, 0]], "to": minima["id"][pairs[:, 1]], "energy": saddle,
               "prefactor_forward": rng.uniform(1, 10, m), "prefactor_backward": rng.uniform(1, 10, m),
               "activation_volume": rng.normal(0, 1, m), "activation_strain": rng.normal(0, 0.01, m)}
    return minima, saddles


def test_arrays_round_trip_through_a_file(tmp_path):
    minima, saddles = random_network(1)
    catalog = glassland.Catalog.from_arrays(minima, saddles, units="reduced")
    path = str(tmp_path / "net.glcat")
    catalog.save(path)
    loaded = glassland.Catalog.load(path)
    assert loaded == catalog
    got_minima, got_saddles = loaded.minima(), loaded.saddles()
    for key in minima:  # exact: doubles stored in protobuf as doubles
        np.testing.assert_array_equal(got_minima[key], minima[key])
    for key in saddles:
        np.testing.assert_array_equal(got_saddles[key], saddles[key])
    e = dict(zip(minima["id"], minima["energy"]))
    np.testing.assert_array_equal(got_saddles["barrier_forward"], saddles["energy"] - [e[i] for i in saddles["from"]])
    again = glassland.Catalog.from_arrays(got_minima, got_saddles, units="reduced")
    assert again.minima()["id"].tolist() == minima["id"].tolist()


def test_import_and_info_agree_with_the_command_line(tmp_path, cli):
    catalog = glassland.Catalog.import_network(FIVE_STATE)
    cli("catalog", "import", "--json", FIVE_STATE, "--out", tmp_path / "five.glcat")
    assert glassland.Catalog.load(str(tmp_path / "five.glcat")).saddles()["energy"].tolist() == \
        catalog.saddles()["energy"].tolist()
    info = json_of(cli("catalog", "info", tmp_path / "five.glcat", "--json"))
    assert info["n_minima"] == catalog.n_minima and info["n_saddles"] == catalog.n_saddles
    network = json.load(open(FIVE_STATE))
    assert sorted(catalog.minima()["energy"]) == sorted(m["energy"] for m in network["minima"])


def test_merge_is_idempotent_and_matches_the_command_line(tmp_path, cli):
    minima, saddles = random_network(2)
    a = glassland.Catalog.from_arrays({k: v[:25] for k, v in minima.items()}, {}, units="reduced")
    b = glassland.Catalog.from_arrays(minima, saddles, units="reduced")
    a.save(str(tmp_path / "a.glcat"))
    b.save(str(tmp_path / "b.glcat"))
    added = a.merge(b)
    assert added == (15, len(saddles["energy"]))
    assert a.merge(b) == (0, 0)
    cli("catalog", "merge", tmp_path / "a.glcat", tmp_path / "b.glcat", "--out", tmp_path / "ab.glcat")
    merged = glassland.Catalog.load(str(tmp_path / "ab.glcat"))
    assert sorted(merged.minima()["energy"]) == sorted(a.minima()["energy"])
    assert merged.n_saddles == a.n_saddles


def test_records_and_networkx_graph():
    minima, saddles = random_network(3)
    catalog = glassland.Catalog.from_arrays(minima, saddles)
    record = catalog.saddle(4)
    assert (record["from"], record["to"], record["energy"]) == (saddles["from"][4], saddles["to"][4], saddles["energy"][4])
    assert catalog.minimum(int(minima["id"][2]))["energy"] == minima["energy"][2]
    graph = catalog.to_networkx()
    assert isinstance(graph, nx.MultiGraph)
    assert graph.number_of_nodes() == len(minima["id"]) and graph.number_of_edges() == len(saddles["energy"])
    data = graph.get_edge_data(int(saddles["from"][7]), int(saddles["to"][7]))[7]
    assert data["barrier_forward"] == pytest.approx(saddles["energy"][7] - minima["energy"][list(minima["id"]).index(saddles["from"][7])])
    assert graph.nodes[int(minima["id"][0])]["energy"] == minima["energy"][0]


def test_bad_catalog_input():
    with pytest.raises(ValueError, match="below"):
        glassland.Catalog.from_arrays({"energy": [0.0, 1.0]}, {"from": [0], "to": [1], "energy": [0.5]})
    with pytest.raises(ValueError, match="energy"):
        glassland.Catalog.from_arrays({"id": [1, 2]}, {})
    with pytest.raises(ValueError):
        glassland.Catalog.load("/nonexistent/x.glcat")
