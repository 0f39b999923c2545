// Coverage and the territory pickers list territories by level.
CREATE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
