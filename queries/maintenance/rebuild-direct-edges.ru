# Rebuild the direct-edge graphs (kg/store/edges.py) of a store from its article graphs, and mark them complete.
# kg keeps them in sync by itself; run this after writing article graphs with another tool (curl, a GSP client,
# another program's SPARQL update) into a store that kg also writes, or on a store loaded by an older kg:
#   kg sparql --update queries/maintenance/rebuild-direct-edges.ru     (or POST it to /DATASET/update)
# One transaction; its time grows with the statements in the store (a few seconds of CPU per million quads).

PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgt: <https://w3id.org/kg-news/statement-type/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/STATEMENT> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/ACKNOWLEDGE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/DENY> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/SYMPATHIZE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/AGREE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/PROMISE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/APPEAL> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/DEMAND> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/CONSULT> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/PRAISE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/SUPPORT> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/APOLOGIZE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/CRITICIZE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/ACCUSE> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/COMPLAIN> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/REJECT> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/THREATEN> ;
DROP SILENT GRAPH <https://w3id.org/kg-news/id/graph/edges/WARN> ;
INSERT { GRAPH ?eg {
  ?e a kg:DirectEdge ; kg:edgeSource ?a ; kg:edgeTarget ?t ; kg:edgeGraph ?g ; kg:edgeArticle ?art ;
     kg:sourceName ?an ; kg:targetName ?tn ; kg:sourceQid ?aq ; kg:targetQid ?tq ; kg:edgeStatement ?s ; kg:edgeDate ?date
} }
WHERE {
  { SELECT ?g ?art ?a ?t ?st (MIN(?aname) AS ?an) (MIN(?tname) AS ?tn)
    WHERE { { SELECT ?g ?s WHERE { GRAPH ?g { ?s a kg:Statement } } } { SELECT ?g ?s ?st WHERE { GRAPH ?g { ?s kg:statementType ?st } } } { SELECT ?g ?s ?a WHERE { GRAPH ?g { ?s kg:actor ?a } } } { SELECT ?g ?s ?t WHERE { GRAPH ?g { ?s kg:target ?t } } } { SELECT ?g ?s WHERE { GRAPH ?g { ?s kg:negated false } } } { SELECT ?g ?s WHERE { GRAPH ?g { ?s kg:hypothetical false } } } { SELECT ?g ?s ?art WHERE { GRAPH ?g { ?s prov:wasDerivedFrom ?art } } } { SELECT ?g ?a ?aname WHERE { GRAPH ?g { ?a kg:name ?aname } } } { SELECT ?g ?t ?tname WHERE { GRAPH ?g { ?t kg:name ?tname } } } }
    GROUP BY ?g ?art ?a ?t ?st }
  VALUES (?st ?eg) { (kgt:STATEMENT <https://w3id.org/kg-news/id/graph/edges/STATEMENT>) (kgt:ACKNOWLEDGE <https://w3id.org/kg-news/id/graph/edges/ACKNOWLEDGE>) (kgt:DENY <https://w3id.org/kg-news/id/graph/edges/DENY>) (kgt:SYMPATHIZE <https://w3id.org/kg-news/id/graph/edges/SYMPATHIZE>) (kgt:AGREE <https://w3id.org/kg-news/id/graph/edges/AGREE>) (kgt:PROMISE <https://w3id.org/kg-news/id/graph/edges/PROMISE>) (kgt:APPEAL <https://w3id.org/kg-news/id/graph/edges/APPEAL>) (kgt:DEMAND <https://w3id.org/kg-news/id/graph/edges/DEMAND>) (kgt:CONSULT <https://w3id.org/kg-news/id/graph/edges/CONSULT>) (kgt:PRAISE <https://w3id.org/kg-news/id/graph/edges/PRAISE>) (kgt:SUPPORT <https://w3id.org/kg-news/id/graph/edges/SUPPORT>) (kgt:APOLOGIZE <https://w3id.org/kg-news/id/graph/edges/APOLOGIZE>) (kgt:CRITICIZE <https://w3id.org/kg-news/id/graph/edges/CRITICIZE>) (kgt:ACCUSE <https://w3id.org/kg-news/id/graph/edges/ACCUSE>) (kgt:COMPLAIN <https://w3id.org/kg-news/id/graph/edges/COMPLAIN>) (kgt:REJECT <https://w3id.org/kg-news/id/graph/edges/REJECT>) (kgt:THREATEN <https://w3id.org/kg-news/id/graph/edges/THREATEN>) (kgt:WARN <https://w3id.org/kg-news/id/graph/edges/WARN>) }
  { SELECT ?g ?s WHERE { GRAPH ?g { ?s a kg:Statement } } } { SELECT ?g ?s ?st WHERE { GRAPH ?g { ?s kg:statementType ?st } } } { SELECT ?g ?s ?a WHERE { GRAPH ?g { ?s kg:actor ?a } } } { SELECT ?g ?s ?t WHERE { GRAPH ?g { ?s kg:target ?t } } } { SELECT ?g ?s WHERE { GRAPH ?g { ?s kg:negated false } } } { SELECT ?g ?s WHERE { GRAPH ?g { ?s kg:hypothetical false } } } { SELECT ?g ?s ?art WHERE { GRAPH ?g { ?s prov:wasDerivedFrom ?art } } }
  OPTIONAL { SELECT ?g ?a (MIN(?q) AS ?aq) WHERE { GRAPH ?g { ?a kg:qid ?q } } GROUP BY ?g ?a }
  OPTIONAL { SELECT ?g ?t (MIN(?q) AS ?tq) WHERE { GRAPH ?g { ?t kg:qid ?q } } GROUP BY ?g ?t }
  OPTIONAL { SELECT ?g ?art ?date WHERE { GRAPH ?g { ?art schema:datePublished ?date } } }
  BIND (IRI(CONCAT(STR(?eg), "/", MD5(CONCAT(STR(?g), " ", STR(?art), " ", STR(?a), " ", STR(?t))))) AS ?e)
} ;
INSERT DATA { GRAPH <https://w3id.org/kg-news/id/graph/kg-control> { <https://w3id.org/kg-news/id/store/edges> kg:edgesComplete true } }
