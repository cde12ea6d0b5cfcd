namespace AlloIndustrie.Grains;
