"""A Catalog as a networkx graph (networkx is optional: python3-networkx)."""


def catalog_graph(catalog):
    """networkx.MultiGraph of `catalog`: one node per minimum id (attributes energy, volume in
    the catalog's units) and one edge per saddle (key = saddle index; attributes energy,
    barrier_forward, barrier_backward (energy), prefactor_forward, prefactor_backward (1/time),
    activation_volume, activation_strain, and 'from' = the minimum the forward direction starts
    at). Raises ImportError when networkx is not installed."""
    import networkx as nx

    graph = nx.MultiGraph(units=catalog.units, **{"provenance": catalog.provenance})
    minima = catalog.minima()
    for i, node in enumerate(minima["id"]):
        graph.add_node(int(node), energy=float(minima["energy"][i]), volume=float(minima["volume"][i]))
    saddles = catalog.saddles()
    fields = ("energy", "barrier_forward", "barrier_backward", "prefactor_forward", "prefactor_backward",
              "activation_volume", "activation_strain")
    for k in range(len(saddles["energy"])):
        a, b = int(saddles["from"][k]), int(saddles["to"][k])
        graph.add_edge(a, b, key=k, **{"from": a}, **{f: float(saddles[f][k]) for f in fields})
    return graph
