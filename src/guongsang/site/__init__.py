"""Site assembly, engine-free: run the generators into a :class:`~guongsang.site.output.SiteOutput`
(``build``), keep raw HTML away from Markdown (``rawhtml``), plan incremental preview rebuilds
(``incremental``), index search and check the finished HTML (``postbuild``, ``search``,
``checks``), and list the pages a pull request changes (``preview``)."""
