-- A post can be hidden, appealed, restored and hidden again: each decision gets its own
-- appeal, so "once" means once per decision, not once per post for ever. A sanction has
-- no decision item; its key is 0, so it stays appealable once.
ALTER TABLE appeal
    ADD COLUMN decision_key BIGINT AS (COALESCE(decision_item_id, 0)) STORED,
    ADD UNIQUE KEY uk_appeal_per_decision (member_id, subject, subject_id, decision_key),
    DROP INDEX uk_appeal_once;

-- Posts a moderator hid directly before such decisions were recorded as decided review
-- items: record them now, as the moderator's decision at the time it was taken, so their
-- authors can appeal them like any other.
INSERT INTO review_item (kind, status, reasons, priority, post_id, author_id, category_id, topic_id, created_at,
                         decided_by, decided_at, decision, decision_note)
SELECT 'MODERATOR', 'HIDDEN', 'moderator', 0, p.id, p.author_id, t.category_id, p.topic_id, p.hidden_at,
       p.hidden_by, p.hidden_at, 'HIDE', LEFT(p.hidden_reason, 500)
FROM post p
JOIN topic t ON t.id = p.topic_id
WHERE p.hidden_at IS NOT NULL AND p.hidden_by IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM review_item i WHERE i.post_id = p.id AND i.status = 'HIDDEN');
