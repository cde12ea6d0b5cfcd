namespace AlloIndustrie.Grains.Interfaces;
