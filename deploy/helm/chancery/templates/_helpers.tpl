{{/*
The chart name, for the helm.sh/chart label.
*/}}
{{- define "chancery.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every object carries. Call with (dict "root" $ "name" <name> "component" <component>).
*/}}
{{- define "chancery.labels" -}}
helm.sh/chart: {{ include "chancery.chart" .root }}
{{ include "chancery.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.image.tag | default .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: chancery
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
Selector labels: only these two, so that a Deployment's selector never has to change (it cannot).
*/}}
{{- define "chancery.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
Selects the pods of one service of this release, as a NetworkPolicy peer.
*/}}
{{- define "chancery.podPeer" -}}
podSelector:
  matchLabels:
    {{- include "chancery.selectorLabels" . | nindent 4 }}
{{- end }}

{{/*
The image of a service: by digest when one is given, else by tag.
*/}}
{{- define "chancery.image" -}}
{{- $digest := get .root.Values.image.digests .name -}}
{{- if $digest -}}
{{ printf "%s/%s@%s" .root.Values.image.registry .name $digest }}
{{- else -}}
{{ printf "%s/%s:%s" .root.Values.image.registry .name (.root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end }}
{{- end }}


{{/*
Services that use Kafka, and what each of them needs from it. The topics are the contract in
libraries/contracts/src/main/java/io/chancery/contracts/Topic.java; deploy-tests checks the two agree.
*/}}
{{- define "chancery.kafkaClients" -}}
- ingest-service
- search-service
- counter-service
{{- end }}

{{- define "chancery.topics" -}}
- name: articles
  partitions: 3
  retention: compacted-forever
- name: events
  partitions: 3
  retention: compacted-forever
- name: content-revisions
  partitions: 3
  retention: kept-forever
- name: site-details
  partitions: 1
  retention: compacted-forever
- name: counter-milestones
  partitions: 1
  retention: compacted-forever
- name: search-service-dead-letters
  partitions: 1
  retention: four-weeks
- name: counter-service-dead-letters
  partitions: 1
  retention: four-weeks
{{- end }}

{{- define "chancery.topicNames" -}}
{{- range include "chancery.topics" . | fromYamlArray }}
- {{ .name }}
{{- end }}
{{- end }}

{{/*
The Kafka bootstrap address of the TLS listener.
*/}}
{{- define "chancery.kafkaBootstrap" -}}
{{ printf "%s-kafka-bootstrap:%d" .Values.kafka.clusterName (int .Values.kafka.listenerPort) }}
{{- end }}

{{/*
Environment every Kafka client gets: TLS trusting the cluster CA, SCRAM-SHA-512 with the password of the
service's KafkaUser. The secrets are the ones the Strimzi operators write; nothing is copied.
*/}}
{{- define "chancery.kafkaEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "chancery.kafkaBootstrap" .root | quote }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: SPRING_KAFKA_SSL_TRUST_STORE_TYPE
  value: PEM
- name: SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-cluster-ca-cert" .root.Values.kafka.clusterName }}
      key: ca.crt
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: SCRAM-SHA-512
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: sasl.jaas.config
{{- end }}

{{/*
API keys (digests from Secrets) and what a JWT must be (issuer, audience), for the services that check
credentials: the gateway, ingest-service (writes) and search-service (admin routes).
*/}}
{{- define "chancery.securityEnv" -}}
{{- range $index, $key := .Values.security.apiKeys }}
- name: {{ printf "CHANCERY_SECURITY_API_KEYS_%d_NAME" $index }}
  value: {{ $key.name | quote }}
- name: {{ printf "CHANCERY_SECURITY_API_KEYS_%d_ROLE" $index }}
  value: {{ $key.role | quote }}
- name: {{ printf "CHANCERY_SECURITY_API_KEYS_%d_SHA256" $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $key.secretName }}
      key: {{ $key.secretKey }}
{{- end }}
{{- with .Values.security.jwt.issuerUri }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI
  value: {{ . | quote }}
{{- end }}
{{- with .Values.security.jwt.jwkSetUri }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI
  value: {{ . | quote }}
{{- end }}
{{- range $index, $audience := .Values.security.jwt.audiences }}
- name: {{ printf "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES_%d" $index }}
  value: {{ $audience | quote }}
{{- end }}
{{- end }}

{{/*
Environment that only one service reads.
*/}}
{{- define "chancery.serviceEnv" -}}
{{- $root := .root }}
{{- $config := .service.config }}
{{- if eq .name "ingest-service" }}
# A restore reads the revision it publishes again from search-service's editorial record.
- name: SEARCH_SERVICE_URI
  value: "http://search-service"
{{- end }}
{{- if eq .name "web-gateway" }}
- name: INGEST_SERVICE_URI
  value: "http://ingest-service"
- name: SEARCH_SERVICE_URI
  value: "http://search-service"
- name: COUNTER_SERVICE_URI
  value: "http://counter-service"
- name: CHANCERY_LIMITS_TRUSTED_PROXIES
  value: {{ join "," $config.trustedProxies | quote }}
- name: CHANCERY_UPSTREAMS_TIMEOUT
  value: {{ $config.upstreamTimeout | quote }}
- name: CHANCERY_UPSTREAMS_READ_TIMEOUT
  value: {{ $config.upstreamReadTimeout | quote }}
- name: CHANCERY_HOME_PART_TIMEOUT
  value: {{ $config.homePartTimeout | quote }}
# The pages' absolute links (canonical, alternates, previews, sitemap) use the address feeds use.
- name: CHANCERY_PUBLIC_URL
  value: {{ (index $root.Values.services "search-service").config.siteUrl | quote }}
- name: CHANCERY_HOME_SHARED_FOR
  value: {{ $config.homeSharedFor | quote }}
- name: CHANCERY_SITE_ZONE
  value: {{ $config.siteZone | quote }}
- name: CHANCERY_LOCALES
  value: {{ $root.Values.site.locales | quote }}
- name: CHANCERY_LIMITS_CONCURRENT_WRITES
  value: {{ $config.concurrentWrites | quote }}
{{- range $index, $origin := $root.Values.security.allowedOrigins }}
- name: {{ printf "CHANCERY_SECURITY_ALLOWED_ORIGINS_%d" $index }}
  value: {{ $origin | quote }}
{{- end }}
{{- include "chancery.securityEnv" $root }}
{{- else if eq .name "ingest-service" }}
- name: CHANCERY_LOCALES
  value: {{ $root.Values.site.locales | quote }}
- name: CHANCERY_CONTENT_MAX_BODY_SIZE
  value: {{ $config.maxBodySize | quote }}
- name: CHANCERY_CONTENT_MAX_IMPORT_LINE_SIZE
  value: {{ $config.maxImportLineSize | quote }}
- name: CHANCERY_PUBLISHING_ACKNOWLEDGEMENT_TIMEOUT
  value: {{ $config.acknowledgementTimeout | quote }}
- name: CHANCERY_PUBLISHING_QUEUE_CAPACITY
  value: {{ $config.queueCapacity | quote }}
- name: CHANCERY_PUBLISHING_QUEUE_TIMEOUT
  value: {{ $config.queueTimeout | quote }}
- name: CHANCERY_PUBLISHING_CONCURRENT_WRITES
  value: {{ $config.concurrentWrites | quote }}
- name: CHANCERY_PUBLISHING_OWNERSHIP_SESSION_TIMEOUT
  value: {{ $config.ownershipSessionTimeout | quote }}
# The replicas pass each other the writes of the partitions they own, at the pod's IP.
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{- include "chancery.securityEnv" $root }}
{{- else if eq .name "search-service" }}
- name: ELASTICSEARCH_URIS
  value: {{ printf "https://%s-es-http:9200" $root.Values.elasticsearch.name | quote }}
- name: SPRING_ELASTICSEARCH_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.elasticsearch.user.secretName }}
      key: username
- name: SPRING_ELASTICSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.elasticsearch.user.secretName }}
      key: password
- name: SPRING_ELASTICSEARCH_RESTCLIENT_SSL_BUNDLE
  value: elasticsearch
- name: SPRING_SSL_BUNDLE_PEM_ELASTICSEARCH_TRUSTSTORE_CERTIFICATE
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-es-http-certs-public" $root.Values.elasticsearch.name }}
      key: ca.crt
- name: CHANCERY_READING_ZONE
  value: {{ $config.readingZone | quote }}
{{- with $root.Values.security.previews.secretName }}
- name: CHANCERY_PREVIEWS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $root.Values.security.previews.secretKey }}
{{- end }}
- name: CHANCERY_READING_DEFAULT_LOCALE
  value: {{ first (splitList "," $root.Values.site.locales) | quote }}
- name: CHANCERY_READING_LOCALES
  value: {{ $root.Values.site.locales | quote }}
- name: CHANCERY_READING_FEED_SIZE
  value: {{ $config.feedSize | quote }}
- name: CHANCERY_PUBLIC_URL
  value: {{ $config.siteUrl | quote }}
- name: CHANCERY_READING_SITE_NAME
  value: {{ $config.siteName | quote }}
{{- include "chancery.securityEnv" $root }}
{{- else if eq .name "counter-service" }}
{{- include "chancery.securityEnv" $root }}
- name: CHANCERY_LOCALES
  value: {{ $root.Values.site.locales | quote }}
- name: CHANCERY_MILESTONES_DEFAULTS
  value: {{ $config.milestoneDefaults | quote }}
- name: CHANCERY_MILESTONES_GRACE
  value: {{ $config.milestoneGrace | quote }}
{{- end }}
{{- end }}

{{/*
Stops the install when a feature is on but the cluster serves no API for it: the operator
reads what to install, not the API server's "no matches for kind". assumedApiVersions names
APIs to take as served where Helm asks no cluster (helm template, offline renders).
Called with dict "root" . "api" "<group/version/Kind>" "feature" "<value>" "install" "<what>".
*/}}
{{- define "chancery.requireApi" -}}
{{- if not (include "chancery.hasApi" .) -}}
{{- fail (printf "%s is on, but the cluster serves no %s: install %s, or switch it off." .feature .api .install) -}}
{{- end -}}
{{- end -}}

{{/*
"true" when the cluster serves an API (group/version/Kind), or assumedApiVersions says it does; else empty.
Called with dict "root" . "api" "<group/version/Kind>".
*/}}
{{- define "chancery.hasApi" -}}
{{- if or (.root.Capabilities.APIVersions.Has .api) (has .api .root.Values.assumedApiVersions) -}}true{{- end -}}
{{- end -}}

{{/*
"true" when pods leave their user and group ids to the platform, as OpenShift's restricted SCCs assign one from
the namespace's range: openshift.adaptSecurityContext force, or auto on a cluster that serves OpenShift's
security API.
*/}}
{{- define "chancery.platformAssignsIds" -}}
{{- $mode := .Values.openshift.adaptSecurityContext -}}
{{- if or (eq $mode "force") (and (eq $mode "auto") (include "chancery.hasApi" (dict "root" . "api" "security.openshift.io/v1/SecurityContextConstraints"))) -}}true{{- end -}}
{{- end -}}
