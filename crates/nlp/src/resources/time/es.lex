# Spanish words for the time tagger, in the format of en.lex: one class, one value, then the
# words that have it. Words match without regard to case; accented and unaccented spellings are
# both listed where writers drop the accent ("miercoles", "dias").
#
#   CLASS VALUE word word ...
#
# The classes the engine reads itself (number words, tense words, `common`...) are listed in
# `Cls` in time/grammar.rs; the rules in es.rules refer to the others.

# ---------------------------------------------------------------- calendar names
month 1 enero
month 2 febrero
month 3 marzo
month 4 abril
month 5 mayo
month 6 junio
month 7 julio
month 8 agosto
month 9 septiembre setiembre
month 10 octubre
month 11 noviembre
month 12 diciembre
# the short forms of news agencies' datelines ("Madrid, 22 jun (EFE).-"), beside a day only
monthabbr 1 ene
monthabbr 2 feb
monthabbr 3 mar
monthabbr 4 abr
monthabbr 5 may
monthabbr 6 jun
monthabbr 7 jul
monthabbr 8 ago
monthabbr 9 sep sept
monthabbr 10 oct
monthabbr 11 nov
monthabbr 12 dic
monthabbr 1 ene.
monthabbr 2 feb.
monthabbr 3 mar.
monthabbr 4 abr.
monthabbr 5 may.
monthabbr 6 jun.
monthabbr 7 jul.
monthabbr 8 ago.
monthabbr 9 sep. sept.
monthabbr 10 oct.
monthabbr 11 nov.
monthabbr 12 dic.
weekday 1 lunes
weekday 2 martes
weekday 3 miércoles miercoles
weekday 4 jueves
weekday 5 viernes
weekday 6 sábado sabado sábados sabados
weekday 7 domingo domingos
season SP primavera
season SU verano
season FA otoño otono
season WI invierno
pod MO mañana manana madrugada
pod AF tarde
pod NI noche
# the half of the day a clock time is in ("las 6 de la tarde")
dayhalf am mañana manana madrugada
dayhalf pm tarde noche
clockword 12:00 mediodía mediodia
clockword 24 medianoche
# the halves of a twelve-hour clock, as Latin American news writes them ("las 9:30 p.m.")
ampm am a.m. am
ampm pm p.m. pm
# "los años noventa"
decadeword 2 veinte
decadeword 3 treinta
decadeword 4 cuarenta
decadeword 5 cincuenta
decadeword 6 sesenta
decadeword 7 setenta
decadeword 8 ochenta
decadeword 9 noventa
# centuries are written in Roman numerals ("el siglo XX")
roman 15 xv
roman 16 xvi
roman 17 xvii
roman 18 xviii
roman 19 xix
roman 20 xx
roman 21 xxi

# ---------------------------------------------------------------- units
unit Y año años ano anos
unit M mes meses
unit W semana semanas
unit D día días dia dias
unit H hora horas
unit MIN minuto minutos
unit S segundo segundos
unit Q trimestre trimestres
unit DE década décadas decada decadas decenio decenios
unit CE siglo siglos
unitpl Y años anos
unitpl M meses
unitpl W semanas
unitpl D días dias
unitpl H horas
unitpl MIN minutos
unitpl DE décadas decadas
unitpl CE siglos
calunit Y año ano
calunit M mes
calunit W semana
calunit Q trimestre
calunit D día dia
calunit DE década decada
calunit CE siglo
shortunit H hora horas
shortunit MIN minuto minutos
shortunit S segundo segundos

# ---------------------------------------------------------------- numbers
num 0 cero
num 1 un una uno
num 2 dos
num 3 tres
num 4 cuatro
num 5 cinco
num 6 seis
num 7 siete
num 8 ocho
num 9 nueve
num 10 diez
num 11 once
num 12 doce
num 13 trece
num 14 catorce
num 15 quince
num 16 dieciséis dieciseis
num 17 diecisiete
num 18 dieciocho
num 19 diecinueve
num 21 veintiuno veintiún veintiuna
num 22 veintidós veintidos
num 23 veintitrés veintitres
num 24 veinticuatro
num 25 veinticinco
num 26 veintiséis veintiseis
num 27 veintisiete
num 28 veintiocho
num 29 veintinueve
tens 20 veinte
tens 30 treinta
tens 40 cuarenta
tens 50 cincuenta
tens 60 sesenta
tens 70 setenta
tens 80 ochenta
tens 90 noventa
scale 100 cien ciento
scale 1000 mil
half 0.5 medio media
article 0 un una
vague X varios varias algunos algunas muchos muchas pocos pocas
ord 1 primer primero primera
ord 2 segundo segunda
ord 3 tercer tercero tercera
ord 4 cuarto cuarta
ord 5 quinto quinta
ord 6 sexto sexta
ord 7 séptimo séptima septimo septima
ord 8 octavo octava
ord 9 noveno novena
ord 10 décimo décima decimo decima
numand 0 y
numof 0 de

# words too frequent to look for: a rule needs one element that is none of these
common 0 el la los las lo de del en a al y o u e este esta estos estas ese esa esos esas aquel aquella un una unos unas por para con sin sobre entre hasta desde durante cada todo toda todos todas que se su sus
common 0 , - . pasado pasada próximo próxima proximo proxima último última últimos últimas ultimo ultima ultimos ultimas mismo misma otro otra más mas menos

# ---------------------------------------------------------------- tense
# a bare month or weekday is the last one before the document's date in a sentence in the past
# ("fueron capturados en enero"), the next one in the future ("se reunirán el martes")
past 0 fue fueron era eran había habían hubo estuvo estuvieron ocurrió murió nació sido
future 0 será serán sera seran irá irán ira iran habrá habra podrá podrán podra podran deberá deberán
future 0 va van vamos próximo próxima proximo proxima prevé preve prevén preven previsto prevista planea planean
report 0 dijo dijeron afirmó afirmaron declaró declararon señaló señalaron anunció anunciaron informó informaron explicó aseguró
reportnow 0 dice dicen afirma afirman señala señalan asegura aseguran
# the preterite's endings ("capturó", "anunciaron", "detuvieron", "detuvo", "produjo")
pastsuffix 0 ó aron ieron uvo dujo
# the future's ("comenzará", "serán", "iremos")
futuresuffix 0 rá rán ré remos rás
determiner 0 el la los las un una unos unas su sus este esta estos estas ese esa
definite 0 el la los las
negation 0 no nunca jamás jamas
conditional 0 si
relative 0 donde cuando cual cuales quien quienes cuyo cuya
complementizer 0 que
coordinator 0 y pero
subject 0 él ella ellos ellas
# words between a time and its day ("las 02.15 horas del domingo", "la madrugada del domingo",
# "el sábado por la noche", "el viernes a las 8", "del 3 al 5 de junio")
join 0 , por a
clockday 0 del de
podof 0 del de
dayrange 0 al a y -
# nouns of persons and of counted things, after which a number is an age or a count
person 0 niño niña niños niñas bebé bebe joven jóvenes jovenes hombre hombres mujer mujeres menor menores detenido detenida detenidos detenidas víctima victima anciano anciana chico chica chicos chicas adolescente adolescentes
countnoun 0 personas socios accidentes migrantes euros dólares dolares pesos habitantes víctimas victimas muertos heridos casos votos empleados trabajadores alumnos estudiantes viviendas kilómetros kilometros metros toneladas litros hectáreas hectareas
