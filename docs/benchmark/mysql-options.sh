# The JDBC options of Kefu's MySQL/MariaDB profile (src/main/resources/application-mysql.yaml, whose default URL carries
# the same), for the benchmark scripts' own URLs: sourced by run.sh, scale.sh and complaint-report.sh.
MYSQL_OPTS="useSSL=false&allowPublicKeyRetrieval=true&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&serverTimezone=UTC&characterEncoding=UTF-8"
