"""Small helpers of the journal's storage: file shapes, links, id floors."""
