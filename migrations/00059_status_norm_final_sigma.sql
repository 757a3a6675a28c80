-- The normal form of a status text now folds the Greek final sigma "ς" to "σ", as a text written
-- in capitals lower-cases there ("ΠΡΟΣ ΠΑΡΑΔΟΣΗ"). The stored normal forms follow, so that an
-- unmapped text imported before groups with the same text imported after, and accepting its
-- suggestion finds it. A seller's rule whose new form another of their rules already has keeps
-- its old form: both read the same, since rules are normalised again when they are loaded.

-- +goose Up
UPDATE events SET status_norm = replace(status_norm, 'ς', 'σ') WHERE status_norm LIKE '%ς%';
UPDATE status_rules r SET pattern = replace(r.pattern, 'ς', 'σ')
WHERE r.pattern LIKE '%ς%' AND NOT EXISTS (
    SELECT FROM status_rules o WHERE o.seller_id = r.seller_id AND o.pattern = replace(r.pattern, 'ς', 'σ'));

-- +goose Down
SELECT 1; -- the old forms cannot be told apart from texts that had "σ" at the end of a word
