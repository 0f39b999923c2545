// Search's full-text index now lives in 0011 (node_search_eventual): it is no longer
// created here, so that 0011 can drop this migration's synchronous node_search.
