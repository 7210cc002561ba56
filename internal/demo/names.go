package demo

// The name tables: common Italian given names by sex and family names.
var (
	maleNames = []string{
		"Marco", "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Andrea",
		"Alessandro", "Luca", "Matteo", "Lorenzo", "Stefano", "Roberto", "Paolo", "Davide",
		"Simone", "Federico", "Riccardo", "Fabio", "Massimo", "Claudio", "Salvatore", "Vincenzo",
		"Pietro", "Michele", "Alberto", "Daniele", "Gabriele", "Emanuele", "Nicola", "Carlo",
		"Franco", "Sergio", "Bruno", "Enrico", "Tommaso", "Filippo", "Leonardo", "Gianluca",
		"Domenico", "Angelo", "Raffaele", "Giorgio", "Maurizio", "Cristian", "Niccolò", "Gianfranco",
	}
	femaleNames = []string{
		"Maria", "Anna", "Giulia", "Francesca", "Laura", "Chiara", "Sara", "Elena",
		"Valentina", "Alessandra", "Federica", "Silvia", "Martina", "Paola", "Roberta", "Giovanna",
		"Rosa", "Angela", "Lucia", "Teresa", "Barbara", "Monica", "Cristina", "Simona",
		"Elisa", "Alice", "Sofia", "Aurora", "Giorgia", "Beatrice", "Ilaria", "Daniela",
		"Antonella", "Patrizia", "Stefania", "Carla", "Marta", "Serena", "Noemi", "Caterina",
		"Emma", "Greta", "Irene", "Veronica", "Nicoletta", "Rossella", "Manuela", "Debora",
	}
	familyNames = []string{
		"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
		"Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
		"Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani",
		"Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile",
		"Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
		"Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini",
		"Grasso", "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo",
		"Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri",
		"Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti", "Barone",
		"Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
		"De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali",
		"Battaglia", "Sartori", "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino",
		"D'Amico", "Orlando", "Negri", "Mele", "Zanetti", "Cirillo", "Bassi", "Fumagalli",
		"Brambilla", "Esposti", "Melis", "Lo Russo", "Di Stefano", "La Rosa", "Deiana", "Zanella",
	}
	streets = []string{
		"Via Roma", "Via Garibaldi", "Via Mazzini", "Via Verdi", "Corso Italia", "Via Dante",
		"Via Cavour", "Via Marconi", "Piazza della Repubblica", "Viale Europa", "Via XX Settembre",
		"Via Vittorio Emanuele II", "Via Matteotti", "Via Manzoni", "Via Leopardi", "Via dei Mille",
		"Via San Francesco", "Via IV Novembre", "Via Kennedy", "Via Gramsci", "Via delle Rose",
		"Via dei Tigli", "Viale della Libertà", "Via Carducci", "Via Pascoli", "Largo Augusto",
	}
	// mailDomains are reserved, non-deliverable domains (RFC 2606, example.it).
	mailDomains = []string{"example.it", "posta.example", "mail.example", "email.example", "casella.example"}
)
